package dev.cuegate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuegate.proto.cue.CueGetSystemStatsRequest;
import dev.cuegate.proto.cue.CueInterfaceGrpc;
import dev.cuegate.proto.facility.AllocFindRequest;
import dev.cuegate.proto.facility.Allocation;
import dev.cuegate.proto.facility.AllocationInterfaceGrpc;
import dev.cuegate.proto.host.DeedGetHostRequest;
import dev.cuegate.proto.host.DeedInterfaceGrpc;
import dev.cuegate.proto.host.Host;
import dev.cuegate.proto.host.HostFindHostRequest;
import dev.cuegate.proto.host.HostGetProcsRequest;
import dev.cuegate.proto.host.HostInterfaceGrpc;
import dev.cuegate.proto.host.HostLockRequest;
import dev.cuegate.proto.host.HostUnlockRequest;
import dev.cuegate.proto.host.LockState;
import dev.cuegate.proto.host.Owner;
import dev.cuegate.proto.host.OwnerGetDeedsRequest;
import dev.cuegate.proto.host.OwnerGetHostsRequest;
import dev.cuegate.proto.host.OwnerInterfaceGrpc;
import dev.cuegate.proto.host.ProcGetProcsRequest;
import dev.cuegate.proto.host.ProcInterfaceGrpc;
import dev.cuegate.proto.host.ProcSearchCriteria;
import dev.cuegate.proto.job.Frame;
import dev.cuegate.proto.job.FrameFindFrameRequest;
import dev.cuegate.proto.job.FrameInterfaceGrpc;
import dev.cuegate.proto.job.FrameRetryRequest;
import dev.cuegate.proto.job.FrameSearchCriteria;
import dev.cuegate.proto.job.FrameState;
import dev.cuegate.proto.job.FrameStateSeq;
import dev.cuegate.proto.job.GroupFindGroupRequest;
import dev.cuegate.proto.job.GroupGetJobsRequest;
import dev.cuegate.proto.job.GroupInterfaceGrpc;
import dev.cuegate.proto.job.Job;
import dev.cuegate.proto.job.JobEatFramesRequest;
import dev.cuegate.proto.job.JobFindJobRequest;
import dev.cuegate.proto.job.JobGetFramesRequest;
import dev.cuegate.proto.job.JobGetJobRequest;
import dev.cuegate.proto.job.JobGetJobsRequest;
import dev.cuegate.proto.job.JobGetLayersRequest;
import dev.cuegate.proto.job.JobInterfaceGrpc;
import dev.cuegate.proto.job.JobKillRequest;
import dev.cuegate.proto.job.JobLaunchSpecRequest;
import dev.cuegate.proto.job.JobPauseRequest;
import dev.cuegate.proto.job.JobResumeRequest;
import dev.cuegate.proto.job.JobRetryFramesRequest;
import dev.cuegate.proto.job.JobSearchCriteria;
import dev.cuegate.proto.job.JobSetPriorityRequest;
import dev.cuegate.proto.job.JobState;
import dev.cuegate.proto.job.JobStats;
import dev.cuegate.proto.job.Layer;
import dev.cuegate.proto.job.LayerFindLayerRequest;
import dev.cuegate.proto.job.LayerInterfaceGrpc;
import dev.cuegate.proto.show.Show;
import dev.cuegate.proto.show.ShowCreateShowRequest;
import dev.cuegate.proto.show.ShowFindShowRequest;
import dev.cuegate.proto.show.ShowGetActiveShowsRequest;
import dev.cuegate.proto.show.ShowGetGroupsRequest;
import dev.cuegate.proto.show.ShowGetShowsRequest;
import dev.cuegate.proto.show.ShowInterfaceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakeCuebotTest {

  @RegisterExtension static final FakeCuebotExtension CUEBOT = new FakeCuebotExtension();

  private static final String GET_SHOWS = "show.ShowInterface/GetShows";
  private static final String GET_JOBS = "job.JobInterface/GetJobs";

  private static ManagedChannel channel;

  @BeforeAll
  static void connect() {
    channel =
        ManagedChannelBuilder.forTarget(CUEBOT.target())
            .usePlaintext()
            .maxInboundMessageSize(64 << 20)
            .build();
  }

  @AfterAll
  static void disconnect() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private static ShowInterfaceGrpc.ShowInterfaceBlockingStub shows() {
    return ShowInterfaceGrpc.newBlockingStub(channel);
  }

  private static JobInterfaceGrpc.JobInterfaceBlockingStub jobs() {
    return JobInterfaceGrpc.newBlockingStub(channel);
  }

  private static Job job(String name) {
    return jobs().findJob(JobFindJobRequest.newBuilder().setName(name).build()).getJob();
  }

  private static List<Job> searchJobs(JobSearchCriteria criteria) {
    return jobs()
        .getJobs(JobGetJobsRequest.newBuilder().setR(criteria).build())
        .getJobs()
        .getJobsList();
  }

  private static List<Frame> frames(Job job, FrameSearchCriteria criteria) {
    return jobs()
        .getFrames(JobGetFramesRequest.newBuilder().setJob(job).setReq(criteria).build())
        .getFrames()
        .getFramesList();
  }

  private static List<String> names(List<Job> jobs) {
    return jobs.stream().map(Job::getName).toList();
  }

  // ---- shows ---------------------------------------------------------------------------------

  @Test
  void getShowsAnswersTheSeededShowsWithStatsFromTheirJobs() {
    List<Show> answer =
        shows().getShows(ShowGetShowsRequest.getDefaultInstance()).getShows().getShowsList();

    assertThat(answer).extracting(Show::getName).containsExactly("testing", "pipeline");
    Show testing = answer.get(0);
    assertThat(testing.getShowStats().getPendingJobs()).isEqualTo(3);
    assertThat(testing.getShowStats().getRunningFrames()).isEqualTo(4 + 3);
    assertThat(testing.getShowStats().getCreatedFrameCount())
        .isEqualTo(FarmState.CREATED_FRAME_BASE + 4 * 2 * SampleFarm.FRAMES_PER_LAYER);
  }

  @Test
  void getActiveShowsLeavesOutInactiveShows() {
    CUEBOT.fake().farm().updateShow(SampleFarm.id("show", "pipeline"), s -> s.setActive(false));

    List<Show> active =
        shows()
            .getActiveShows(ShowGetActiveShowsRequest.getDefaultInstance())
            .getShows()
            .getShowsList();

    assertThat(active).extracting(Show::getName).containsExactly("testing");
  }

  @Test
  void findShowOfUnknownNameIsNotFoundWithCuebotsMessage() {
    assertThatThrownBy(
            () -> shows().findShow(ShowFindShowRequest.newBuilder().setName("nope").build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
              assertThat(e.getStatus().getDescription()).isEqualTo("Failed to find show nope");
            });
  }

  @Test
  void createShowAddsAShowWithARootGroupAndRefusesBadOrDuplicateNames() {
    shows().createShow(ShowCreateShowRequest.newBuilder().setName("newshow").build());

    Show found =
        shows().findShow(ShowFindShowRequest.newBuilder().setName("newshow").build()).getShow();
    assertThat(found.getId()).isNotEmpty();
    assertThat(
            shows()
                .getGroups(ShowGetGroupsRequest.newBuilder().setShow(found).build())
                .getGroups()
                .getGroupsList())
        .extracting(g -> g.getName())
        .containsExactly("newshow");
    assertThatThrownBy(
            () -> shows().createShow(ShowCreateShowRequest.newBuilder().setName("").build()))
        .hasMessageStartingWith("INVALID_ARGUMENT");
    assertThatThrownBy(
            () -> shows().createShow(ShowCreateShowRequest.newBuilder().setName("newshow").build()))
        .hasMessageStartingWith("ALREADY_EXISTS");
  }

  // ---- jobs ----------------------------------------------------------------------------------

  @Test
  void getJobsAsCueWebAsksIncludesFinishedJobsMatchingTheRegex() {
    List<Job> answer =
        searchJobs(
            JobSearchCriteria.newBuilder().setIncludeFinished(true).addRegex("^testing-").build());

    assertThat(names(answer))
        .containsExactly(
            SampleFarm.LIGHTING_JOB,
            SampleFarm.FX_JOB,
            SampleFarm.COMP_JOB,
            SampleFarm.FINISHED_JOB);
  }

  @Test
  void getJobsLeavesOutFinishedJobsByDefault() {
    List<Job> answer = searchJobs(JobSearchCriteria.newBuilder().addRegex("^testing-").build());

    assertThat(names(answer)).doesNotContain(SampleFarm.FINISHED_JOB).hasSize(3);
  }

  @Test
  void getJobsMatchesEveryNonEmptyCriterion() {
    assertThat(names(searchJobs(JobSearchCriteria.newBuilder().addUsers("alice").build())))
        .containsExactly(SampleFarm.LIGHTING_JOB);
    assertThat(names(searchJobs(JobSearchCriteria.newBuilder().addShows("pipeline").build())))
        .containsExactly(SampleFarm.PIPELINE_JOB);
    assertThat(
            names(
                searchJobs(
                    JobSearchCriteria.newBuilder().addShows("testing").addUsers("dave").build())))
        .isEmpty();
    String compId = job(SampleFarm.COMP_JOB).getId();
    assertThat(names(searchJobs(JobSearchCriteria.newBuilder().addIds(compId).build())))
        .containsExactly(SampleFarm.COMP_JOB);
    assertThat(names(searchJobs(JobSearchCriteria.newBuilder().addJobs(SampleFarm.FX_JOB).build())))
        .containsExactly(SampleFarm.FX_JOB);
  }

  @Test
  void getJobsWithAnInvalidRegexIsInvalidArgument() {
    assertThatThrownBy(() -> searchJobs(JobSearchCriteria.newBuilder().addRegex("([").build()))
        .hasMessageStartingWith("INVALID_ARGUMENT");
  }

  @Test
  void getJobOfUnknownIdIsNotFound() {
    assertThatThrownBy(
            () -> jobs().getJob(JobGetJobRequest.newBuilder().setId("no-such-id").build()))
        .hasMessage("NOT_FOUND: Failed to find job no-such-id");
  }

  @Test
  void everyJobsStatsAgreeWithItsFrames() {
    for (Job job : searchJobs(JobSearchCriteria.newBuilder().setIncludeFinished(true).build())) {
      List<Frame> all = frames(job, FrameSearchCriteria.getDefaultInstance());
      JobStats stats = job.getJobStats();

      assertThat(stats.getTotalFrames()).isEqualTo(all.size());
      assertThat(stats.getSucceededFrames()).isEqualTo(count(all, FrameState.SUCCEEDED));
      assertThat(stats.getRunningFrames()).isEqualTo(count(all, FrameState.RUNNING));
      assertThat(stats.getDeadFrames()).isEqualTo(count(all, FrameState.DEAD));
      assertThat(stats.getWaitingFrames()).isEqualTo(count(all, FrameState.WAITING));
      assertThat(stats.getEatenFrames()).isEqualTo(count(all, FrameState.EATEN));
    }
  }

  private static long count(List<Frame> frames, FrameState state) {
    return frames.stream().filter(f -> f.getState() == state).count();
  }

  @Test
  void getLayersAnswersRenderAndCompWithLayerStats() {
    Job lighting = job(SampleFarm.LIGHTING_JOB);

    List<Layer> layers =
        jobs()
            .getLayers(JobGetLayersRequest.newBuilder().setJob(lighting).build())
            .getLayers()
            .getLayersList();

    assertThat(layers).extracting(Layer::getName).containsExactly("render", "comp");
    assertThat(layers.get(0).getLayerStats().getRunningFrames()).isEqualTo(4);
    assertThat(layers.get(0).getParentId()).isEqualTo(lighting.getId());
  }

  @Test
  void getFramesPagesOneBasedWithLimit() {
    Job lighting = job(SampleFarm.LIGHTING_JOB);

    List<Frame> first =
        frames(lighting, FrameSearchCriteria.newBuilder().setPage(1).setLimit(30).build());
    List<Frame> last =
        frames(lighting, FrameSearchCriteria.newBuilder().setPage(4).setLimit(30).build());
    List<Frame> beyond =
        frames(lighting, FrameSearchCriteria.newBuilder().setPage(5).setLimit(30).build());

    assertThat(first).hasSize(30);
    assertThat(first.get(0).getName()).isEqualTo("0001-render");
    assertThat(last).hasSize(10);
    assertThat(last.get(9).getName()).isEqualTo("0050-comp");
    assertThat(beyond).isEmpty();
  }

  @Test
  void getFramesFiltersByLayerAndState() {
    Job lighting = job(SampleFarm.LIGHTING_JOB);

    List<Frame> comp = frames(lighting, FrameSearchCriteria.newBuilder().addLayers("comp").build());
    List<Frame> dead =
        frames(
            lighting,
            FrameSearchCriteria.newBuilder()
                .setStates(FrameStateSeq.newBuilder().addFrameStates(FrameState.DEAD))
                .build());

    assertThat(comp)
        .hasSize(SampleFarm.FRAMES_PER_LAYER)
        .allMatch(f -> f.getLayerName().equals("comp"));
    assertThat(dead).extracting(Frame::getName).containsExactly("0025-render");
  }

  @Test
  void pauseSetsIsPausedAndResumeClearsIt() {
    Job comp = job(SampleFarm.COMP_JOB);

    jobs().pause(JobPauseRequest.newBuilder().setJob(comp).build());
    boolean pausedAfterPause = job(SampleFarm.COMP_JOB).getIsPaused();
    jobs().resume(JobResumeRequest.newBuilder().setJob(comp).build());

    assertThat(pausedAfterPause).isTrue();
    assertThat(job(SampleFarm.COMP_JOB).getIsPaused()).isFalse();
  }

  @Test
  void killFinishesTheJobAndReleasesItsProcs() {
    Job lighting = job(SampleFarm.LIGHTING_JOB);
    int procsBefore = CUEBOT.fake().farm().procs().size();

    jobs().kill(JobKillRequest.newBuilder().setJob(lighting).setReason("test").build());

    Job killed = job(SampleFarm.LIGHTING_JOB);
    assertThat(killed.getState()).isEqualTo(JobState.FINISHED);
    assertThat(killed.getJobStats().getRunningFrames()).isZero();
    assertThat(CUEBOT.fake().farm().procs()).hasSize(procsBefore - 4);
    assertThat(names(searchJobs(JobSearchCriteria.newBuilder().addRegex("^testing-").build())))
        .doesNotContain(SampleFarm.LIGHTING_JOB);
  }

  @Test
  void setPriorityChangesThePriorityAndRefusesNegativeValues() {
    Job comp = job(SampleFarm.COMP_JOB);

    jobs().setPriority(JobSetPriorityRequest.newBuilder().setJob(comp).setVal(321).build());

    assertThat(job(SampleFarm.COMP_JOB).getPriority()).isEqualTo(321);
    assertThatThrownBy(
            () ->
                jobs()
                    .setPriority(
                        JobSetPriorityRequest.newBuilder().setJob(comp).setVal(-1).build()))
        .hasMessageStartingWith("INVALID_ARGUMENT");
  }

  @Test
  void retryFramesMakesDeadFramesWaitingAndUpdatesStats() {
    Job fx = job(SampleFarm.FX_JOB);
    FrameSearchCriteria deadOnes =
        FrameSearchCriteria.newBuilder()
            .setStates(FrameStateSeq.newBuilder().addFrameStates(FrameState.DEAD))
            .build();

    jobs().retryFrames(JobRetryFramesRequest.newBuilder().setJob(fx).setReq(deadOnes).build());

    JobStats stats = job(SampleFarm.FX_JOB).getJobStats();
    assertThat(fx.getJobStats().getDeadFrames()).isEqualTo(3);
    assertThat(stats.getDeadFrames()).isZero();
    assertThat(stats.getWaitingFrames()).isEqualTo(fx.getJobStats().getWaitingFrames() + 3);
  }

  @Test
  void eatingEveryUnfinishedFrameFinishesTheJob() {
    Job pipeline = job(SampleFarm.PIPELINE_JOB);

    jobs()
        .eatFrames(
            JobEatFramesRequest.newBuilder()
                .setJob(pipeline)
                .setReq(FrameSearchCriteria.getDefaultInstance())
                .build());

    Job eaten = job(SampleFarm.PIPELINE_JOB);
    assertThat(eaten.getState()).isEqualTo(JobState.FINISHED);
    assertThat(eaten.getJobStats().getEatenFrames()).isEqualTo(2 * SampleFarm.FRAMES_PER_LAYER - 5);
  }

  // ---- layers, frames, groups ----------------------------------------------------------------

  @Test
  void findLayerAndFindFrameResolveNames() {
    Layer comp =
        LayerInterfaceGrpc.newBlockingStub(channel)
            .findLayer(
                LayerFindLayerRequest.newBuilder()
                    .setJob(SampleFarm.COMP_JOB)
                    .setLayer("comp")
                    .build())
            .getLayer();
    Frame frame =
        FrameInterfaceGrpc.newBlockingStub(channel)
            .findFrame(
                FrameFindFrameRequest.newBuilder()
                    .setJob(SampleFarm.COMP_JOB)
                    .setLayer("comp")
                    .setFrame(31)
                    .build())
            .getFrame();

    assertThat(comp.getName()).isEqualTo("comp");
    assertThat(frame.getName()).isEqualTo("0031-comp");
    assertThat(frame.getState()).isEqualTo(FrameState.RUNNING);
  }

  @Test
  void retryOfADeadFrameMakesItWaiting() {
    Frame dead =
        FrameInterfaceGrpc.newBlockingStub(channel)
            .findFrame(
                FrameFindFrameRequest.newBuilder()
                    .setJob(SampleFarm.LIGHTING_JOB)
                    .setLayer("render")
                    .setFrame(25)
                    .build())
            .getFrame();

    FrameInterfaceGrpc.newBlockingStub(channel)
        .retry(FrameRetryRequest.newBuilder().setFrame(dead).build());

    assertThat(CUEBOT.fake().farm().frame(dead.getId()).getState()).isEqualTo(FrameState.WAITING);
  }

  @Test
  void findGroupAndItsPendingJobs() {
    GroupInterfaceGrpc.GroupInterfaceBlockingStub groups =
        GroupInterfaceGrpc.newBlockingStub(channel);

    var lighting =
        groups
            .findGroup(
                GroupFindGroupRequest.newBuilder().setShow("testing").setName("lighting").build())
            .getGroup();
    List<Job> members =
        groups
            .getJobs(GroupGetJobsRequest.newBuilder().setGroup(lighting).build())
            .getJobs()
            .getJobsList();

    assertThat(names(members)).containsExactly(SampleFarm.LIGHTING_JOB);
    assertThat(lighting.getGroupStats().getPendingJobs()).isEqualTo(1);
  }

  // ---- hosts, procs, owners, deeds, allocations ----------------------------------------------

  @Test
  void lockAndUnlockChangeTheHostsLockState() {
    HostInterfaceGrpc.HostInterfaceBlockingStub hosts = HostInterfaceGrpc.newBlockingStub(channel);
    Host host =
        hosts
            .findHost(HostFindHostRequest.newBuilder().setName("render-host-002").build())
            .getHost();

    hosts.lock(HostLockRequest.newBuilder().setHost(host).build());
    LockState locked = CUEBOT.fake().farm().host(host.getId()).getLockState();
    hosts.unlock(HostUnlockRequest.newBuilder().setHost(host).build());

    assertThat(locked).isEqualTo(LockState.LOCKED);
    assertThat(CUEBOT.fake().farm().host(host.getId()).getLockState()).isEqualTo(LockState.OPEN);
  }

  @Test
  void hostsIdleCoresAccountForTheirProcs() {
    HostInterfaceGrpc.HostInterfaceBlockingStub hosts = HostInterfaceGrpc.newBlockingStub(channel);
    Host host =
        hosts
            .findHost(HostFindHostRequest.newBuilder().setName("render-host-001").build())
            .getHost();

    var procs =
        hosts
            .getProcs(HostGetProcsRequest.newBuilder().setHost(host).build())
            .getProcs()
            .getProcsList();

    double reserved = procs.stream().mapToDouble(p -> p.getReservedCores()).sum();
    assertThat(procs).isNotEmpty();
    assertThat(host.getIdleCores()).isEqualTo((float) (host.getCores() - reserved));
    assertThat(host.getTotalMemory()).isEqualTo(SampleFarm.HOST_MEMORY_KIB);
  }

  @Test
  void procSearchByJobFindsItsRunningFrames() {
    var procs =
        ProcInterfaceGrpc.newBlockingStub(channel)
            .getProcs(
                ProcGetProcsRequest.newBuilder()
                    .setR(ProcSearchCriteria.newBuilder().addJobs(SampleFarm.COMP_JOB))
                    .build())
            .getProcs()
            .getProcsList();

    assertThat(procs).hasSize(3).allMatch(p -> p.getJobName().equals(SampleFarm.COMP_JOB));
  }

  @Test
  void ownerAndDeedLeadToTheOwnedWorkstation() {
    OwnerInterfaceGrpc.OwnerInterfaceBlockingStub owners =
        OwnerInterfaceGrpc.newBlockingStub(channel);
    Owner alice = Owner.newBuilder().setName("alice").build();

    var hosts =
        owners.getHosts(OwnerGetHostsRequest.newBuilder().setOwner(alice).build()).getHosts();
    var deed =
        owners
            .getDeeds(OwnerGetDeedsRequest.newBuilder().setOwner(alice).build())
            .getDeeds()
            .getDeeds(0);
    Host viaDeed =
        DeedInterfaceGrpc.newBlockingStub(channel)
            .getHost(DeedGetHostRequest.newBuilder().setDeed(deed).build())
            .getHost();

    assertThat(hosts.getHostsList()).extracting(Host::getName).containsExactly("ws-alice-01");
    assertThat(viaDeed.getName()).isEqualTo("ws-alice-01");
  }

  @Test
  void allocationStatsCountItsHosts() {
    Allocation general =
        AllocationInterfaceGrpc.newBlockingStub(channel)
            .find(AllocFindRequest.newBuilder().setName("local.general").build())
            .getAllocation();

    assertThat(general.getStats().getHosts()).isEqualTo(4);
    assertThat(general.getStats().getDownHosts()).isEqualTo(1);
    assertThat(general.getStats().getCores()).isEqualTo(64f);
  }

  @Test
  void systemStatsCarry64BitCounters() {
    var stats =
        CueInterfaceGrpc.newBlockingStub(channel)
            .getSystemStats(CueGetSystemStatsRequest.getDefaultInstance())
            .getStats();

    assertThat(stats.getBookingExecuted()).isGreaterThan(Integer.MAX_VALUE);
  }

  // ---- test hooks ----------------------------------------------------------------------------

  @Test
  void unimplementedMethodsAnswerUnimplemented() {
    assertThatThrownBy(() -> jobs().launchSpec(JobLaunchSpecRequest.getDefaultInstance()))
        .hasMessageStartingWith("UNIMPLEMENTED");
  }

  @Test
  void failNextForcesTheStatusOnceThenAnswersNormally() {
    CUEBOT.fake().failNext(GET_SHOWS, Status.PERMISSION_DENIED.withDescription("no shows for you"));

    assertThatThrownBy(() -> shows().getShows(ShowGetShowsRequest.getDefaultInstance()))
        .hasMessage("PERMISSION_DENIED: no shows for you");
    assertThat(
            shows().getShows(ShowGetShowsRequest.getDefaultInstance()).getShows().getShowsCount())
        .isEqualTo(2);
    assertThat(CUEBOT.fake().callCount(GET_SHOWS)).isEqualTo(2);
    assertThat(CUEBOT.fake().lastRequest(GET_SHOWS))
        .contains(ShowGetShowsRequest.getDefaultInstance());
  }

  @Test
  void delayNextHoldsTheAnswerPastAShorterDeadline() {
    CUEBOT.fake().delayNext(GET_SHOWS, Duration.ofSeconds(2));

    assertThatThrownBy(
            () ->
                shows()
                    .withDeadlineAfter(200, TimeUnit.MILLISECONDS)
                    .getShows(ShowGetShowsRequest.getDefaultInstance()))
        .hasMessageStartingWith("DEADLINE_EXCEEDED");
    assertThat(
            shows().getShows(ShowGetShowsRequest.getDefaultInstance()).getShows().getShowsCount())
        .isEqualTo(2);
  }

  @Test
  void delayedAnswerArrivesAfterTheDelay() {
    Duration delay = Duration.ofMillis(300);
    CUEBOT.fake().delayNext(GET_SHOWS, delay);

    long start = System.nanoTime();
    int count =
        shows().getShows(ShowGetShowsRequest.getDefaultInstance()).getShows().getShowsCount();

    assertThat(count).isEqualTo(2);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(delay);
  }

  @Test
  void recordsRequestAndMetadataAndSendsItsVersionHeader() {
    Metadata sent = new Metadata();
    Metadata.Key<String> requestId =
        Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);
    sent.put(requestId, "abc-123");
    AtomicReference<Metadata> received = new AtomicReference<>();
    AtomicReference<Metadata> trailers = new AtomicReference<>();
    JobGetJobsRequest request =
        JobGetJobsRequest.newBuilder()
            .setR(JobSearchCriteria.newBuilder().addShows("pipeline"))
            .build();

    jobs()
        .withInterceptors(
            MetadataUtils.newAttachHeadersInterceptor(sent),
            MetadataUtils.newCaptureMetadataInterceptor(received, trailers))
        .getJobs(request);

    assertThat(CUEBOT.fake().lastRequest(JobInterfaceGrpc.getGetJobsMethod())).contains(request);
    assertThat(CUEBOT.fake().lastRequest(GET_JOBS)).contains(request);
    assertThat(CUEBOT.fake().lastHeaders(GET_JOBS).orElseThrow().get(requestId))
        .isEqualTo("abc-123");
    assertThat(CUEBOT.fake().lastHeaders(GET_SHOWS)).isEmpty();
    Metadata.Key<String> version =
        Metadata.Key.of(FakeCuebot.VERSION_HEADER, Metadata.ASCII_STRING_MARSHALLER);
    assertThat(received.get().get(version)).isEqualTo(FakeCuebot.VERSION);
  }

  @Test
  void stoppedFakeIsUnavailableAndRestartServesOnTheSamePort() {
    FakeCuebot fake = CUEBOT.fake();
    int port = fake.port();

    fake.stop();
    assertThatThrownBy(() -> shows().getShows(ShowGetShowsRequest.getDefaultInstance()))
        .hasMessageStartingWith("UNAVAILABLE");
    fake.restart();

    assertThat(fake.port()).isEqualTo(port);
    assertThat(
            shows()
                .withWaitForReady()
                .withDeadlineAfter(5, TimeUnit.SECONDS)
                .getShows(ShowGetShowsRequest.getDefaultInstance())
                .getShows()
                .getShowsCount())
        .isEqualTo(2);
  }

  @Test
  void generatedJobsMakeALargeGetJobsAnswer() {
    CUEBOT.fake().addGeneratedJobs(20_000);

    var answer = jobs().getJobs(JobGetJobsRequest.getDefaultInstance());

    assertThat(answer.getJobs().getJobsCount()).isEqualTo(20_000 + 4);
    assertThat(answer.getSerializedSize()).isGreaterThan(5_000_000);
  }

  @Test
  void sampleDataIsDeterministic() {
    assertThat(SampleFarm.jobs(500)).isEqualTo(SampleFarm.jobs(500));
    assertThat(SampleFarm.frames(1_000)).isEqualTo(SampleFarm.frames(1_000));
    assertThat(SampleFarm.frames(1_000).getFrames().getFramesCount()).isEqualTo(1_000);
  }
}
