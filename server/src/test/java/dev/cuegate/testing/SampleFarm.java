package dev.cuegate.testing;

import dev.cuegate.proto.comment.Comment;
import dev.cuegate.proto.facility.Allocation;
import dev.cuegate.proto.facility.Facility;
import dev.cuegate.proto.filter.Action;
import dev.cuegate.proto.filter.ActionType;
import dev.cuegate.proto.filter.ActionValueType;
import dev.cuegate.proto.filter.Filter;
import dev.cuegate.proto.filter.FilterType;
import dev.cuegate.proto.filter.MatchSubject;
import dev.cuegate.proto.filter.MatchType;
import dev.cuegate.proto.filter.Matcher;
import dev.cuegate.proto.host.Deed;
import dev.cuegate.proto.host.HardwareState;
import dev.cuegate.proto.host.Host;
import dev.cuegate.proto.host.LockState;
import dev.cuegate.proto.host.Owner;
import dev.cuegate.proto.host.Proc;
import dev.cuegate.proto.host.ThreadMode;
import dev.cuegate.proto.job.CheckpointState;
import dev.cuegate.proto.job.Frame;
import dev.cuegate.proto.job.FrameSeq;
import dev.cuegate.proto.job.FrameState;
import dev.cuegate.proto.job.Group;
import dev.cuegate.proto.job.Job;
import dev.cuegate.proto.job.JobGetFramesResponse;
import dev.cuegate.proto.job.JobGetJobsResponse;
import dev.cuegate.proto.job.JobSeq;
import dev.cuegate.proto.job.JobState;
import dev.cuegate.proto.job.JobStats;
import dev.cuegate.proto.job.Layer;
import dev.cuegate.proto.job.LayerType;
import dev.cuegate.proto.limit.Limit;
import dev.cuegate.proto.service.Service;
import dev.cuegate.proto.show.Show;
import dev.cuegate.proto.subscription.Subscription;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Deterministic sample data shaped like a real OpenCue farm: the fake Cuebot's sample farm and bulk
 * answers ({@link #jobs(int)}, {@link #frames(int)}) for large-payload tests and benchmarks.
 */
public final class SampleFarm {

  /** The farm's "now" in epoch seconds; all seeded time stamps are relative to it. */
  public static final int BASE_TIME = 1_707_842_141;

  /** Memory of a render host in KiB (64 GiB), as Cuebot reports it. */
  public static final long HOST_MEMORY_KIB = 64L * 1024 * 1024;

  public static final String SHOW = "testing";
  public static final String OTHER_SHOW = "pipeline";

  /** The seeded job that is rendering: 4 running frames, 1 dead, 1 comment. */
  public static final String LIGHTING_JOB = "testing-sh01-alice_lighting_v003";

  /** The seeded paused job with 3 dead frames. */
  public static final String FX_JOB = "testing-sh01-bob_fx_sim_v012";

  /** A seeded pending job of user carol. */
  public static final String COMP_JOB = "testing-sh02-carol_comp_v001";

  /** The seeded finished job. */
  public static final String FINISHED_JOB = "testing-sh03-alice_anim_playblast";

  /** The seeded job of show {@code pipeline}. */
  public static final String PIPELINE_JOB = "pipeline-sh10-dave_layout_v002";

  /** Frames per layer of the seeded jobs; each has a {@code render} and a {@code comp} layer. */
  public static final int FRAMES_PER_LAYER = 50;

  private static final long SEED = 20_240_213L;
  private static final long GIB_KIB = 1024L * 1024;
  private static final String[] USERS = {"alice", "bob", "carol", "dave", "erin", "frank"};
  private static final String[] TASKS = {"lighting", "fx_sim", "comp", "anim", "layout", "lookdev"};
  private static final List<String> RENDER_HOSTS =
      List.of("render-host-001", "render-host-002", "render-host-003");

  private SampleFarm() {}

  /** A stable UUID for an entity, so that ids are the same in every run. */
  public static String id(String kind, String name) {
    return UUID.nameUUIDFromBytes((kind + ":" + name).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** Fills {@code farm} with the sample farm: 2 shows, 5 jobs, 5 hosts and what goes with them. */
  public static void seed(FarmState farm) {
    seedFacility(farm);
    seedShow(farm, SHOW, List.of("lighting", "fx"));
    seedShow(farm, OTHER_SHOW, List.of());
    seedHosts(farm);
    seedJob(
        farm,
        new JobPlan(SHOW, "sh01", "alice", "lighting_v003", "lighting", 100, false),
        n ->
            n <= 20
                ? FrameState.SUCCEEDED
                : n <= 24 ? FrameState.RUNNING : n == 25 ? FrameState.DEAD : FrameState.WAITING,
        n -> n <= 10 ? FrameState.SUCCEEDED : FrameState.WAITING);
    seedJob(
        farm,
        new JobPlan(SHOW, "sh01", "bob", "fx_sim_v012", "fx", 50, true),
        n -> n <= 3 ? FrameState.DEAD : FrameState.WAITING,
        n -> FrameState.WAITING);
    seedJob(
        farm,
        new JobPlan(SHOW, "sh02", "carol", "comp_v001", SHOW, 200, false),
        n -> n <= 40 ? FrameState.SUCCEEDED : n <= 42 ? FrameState.RUNNING : FrameState.WAITING,
        n -> n <= 30 ? FrameState.SUCCEEDED : n == 31 ? FrameState.RUNNING : FrameState.WAITING);
    seedJob(
        farm,
        new JobPlan(SHOW, "sh03", "alice", "anim_playblast", "lighting", 100, false),
        n -> n == 7 ? FrameState.EATEN : FrameState.SUCCEEDED,
        n -> FrameState.SUCCEEDED);
    seedJob(
        farm,
        new JobPlan(OTHER_SHOW, "sh10", "dave", "layout_v002", OTHER_SHOW, 100, false),
        n -> n <= 5 ? FrameState.SUCCEEDED : n == 6 ? FrameState.RUNNING : FrameState.WAITING,
        n -> FrameState.WAITING);
    seedComments(farm);
    seedFilters(farm);
    seedCatalog(farm);
  }

  private static void seedFacility(FarmState farm) {
    farm.addFacility(Facility.newBuilder().setId(id("facility", "local")).setName("local").build());
    for (String tag : List.of("general", "desktop")) {
      String name = "local." + tag;
      farm.addAllocation(
          Allocation.newBuilder()
              .setId(id("alloc", name))
              .setName(name)
              .setTag(tag)
              .setFacility("local")
              .setBillable(tag.equals("general"))
              .build());
    }
  }

  private static void seedShow(FarmState farm, String show, List<String> subgroups) {
    farm.addShow(
        Show.newBuilder()
            .setId(id("show", show))
            .setName(show)
            .setDefaultMinCores(1)
            .setDefaultMaxCores(2000)
            .setBookingEnabled(true)
            .setDispatchEnabled(true)
            .setActive(true)
            .setDefaultMinGpus(100)
            .setDefaultMaxGpus(100_000)
            .build());
    Group root = group(show, show, "", 0);
    farm.addGroup(show, root);
    for (String subgroup : subgroups) {
      farm.addGroup(show, group(show, subgroup, root.getId(), 1));
    }
    farm.addSubscription(subscription(show, "local.general", 100_000, 120_000));
    farm.addSubscription(subscription(show, "local.desktop", 0, 1_600));
  }

  /** A group of a show with Cuebot's defaults; a show's root group is named after the show. */
  static Group group(String show, String name, String parentId, int level) {
    return Group.newBuilder()
        .setId(id("group", show + "/" + name))
        .setName(name)
        .setDepartment("Unknown")
        .setDefaultJobPriority(100)
        .setDefaultJobMinCores(1)
        .setDefaultJobMaxCores(200)
        .setMinCores(0)
        .setMaxCores(-1)
        .setLevel(level)
        .setParentId(parentId)
        .setDefaultJobMinGpus(0)
        .setDefaultJobMaxGpus(-1)
        .setMaxGpus(-1)
        .build();
  }

  private static Subscription subscription(String show, String allocation, int size, int burst) {
    String name = allocation + "." + show;
    return Subscription.newBuilder()
        .setId(id("subscription", name))
        .setName(name)
        .setShowName(show)
        .setFacility("local")
        .setAllocationName(allocation)
        .setSize(size)
        .setBurst(burst)
        .build();
  }

  private static void seedHosts(FarmState farm) {
    for (String name : RENDER_HOSTS) {
      farm.addHost(host(name, 16, HOST_MEMORY_KIB, "local.general").build());
    }
    farm.addHost(
        host("render-host-004", 16, HOST_MEMORY_KIB, "local.general")
            .setState(HardwareState.DOWN)
            .setPingTime(BASE_TIME - 3_600)
            .build());
    farm.addHost(
        host("ws-alice-01", 8, 32 * GIB_KIB, "local.desktop")
            .setNimbyEnabled(true)
            .clearTags()
            .addAllTags(List.of("desktop", "64bit", "linux"))
            .build());
    for (String owner : List.of("alice", "bob")) {
      farm.addOwner(
          Owner.newBuilder().setId(id("owner", owner)).setName(owner).setShow(SHOW).build());
    }
    farm.addDeed(
        Deed.newBuilder()
            .setId(id("deed", "ws-alice-01"))
            .setHost("ws-alice-01")
            .setOwner("alice")
            .setShow(SHOW)
            .build());
  }

  private static Host.Builder host(String name, int cores, long memoryKib, String allocation) {
    long schedulable = memoryKib - 512 * 1024;
    return Host.newBuilder()
        .setId(id("host", name))
        .setName(name)
        .setAllocName(allocation)
        .setCores(cores)
        .setIdleCores(cores)
        .setMemory(schedulable)
        .setIdleMemory(schedulable)
        .setTotalMemory(memoryKib)
        .setFreeMemory(memoryKib * 9 / 10)
        .setTotalSwap(8 * GIB_KIB)
        .setFreeSwap(8 * GIB_KIB)
        .setTotalMcp(500 * GIB_KIB)
        .setFreeMcp(412 * GIB_KIB)
        .setLoad(350)
        .setBootTime(BASE_TIME - 3 * 86_400)
        .setPingTime(BASE_TIME)
        .setOs("rocky9")
        .addAllTags(List.of("general", "64bit", "linux"))
        .setState(HardwareState.UP)
        .setLockState(LockState.OPEN)
        .setThreadMode(ThreadMode.AUTO);
  }

  private record JobPlan(
      String show,
      String shot,
      String user,
      String name,
      String group,
      int priority,
      boolean paused) {
    String jobName() {
      return show + "-" + shot + "-" + user + "_" + name;
    }
  }

  private static void seedJob(
      FarmState farm, JobPlan plan, IntFunction<FrameState> render, IntFunction<FrameState> comp) {
    String jobName = plan.jobName();
    String jobId = id("job", jobName);
    boolean finished =
        IntStream.rangeClosed(1, FRAMES_PER_LAYER)
            .allMatch(n -> isDone(render.apply(n)) && isDone(comp.apply(n)));
    String logDir = "/shots/" + plan.show() + "/" + plan.shot() + "/logs/" + jobName + "--" + jobId;
    int start = BASE_TIME - 6 * 3_600;
    farm.addJob(
        Job.newBuilder()
            .setId(jobId)
            .setState(finished ? JobState.FINISHED : JobState.PENDING)
            .setName(jobName)
            .setShot(plan.shot())
            .setShow(plan.show())
            .setUser(plan.user())
            .setGroup(plan.group())
            .setFacility("local")
            .setOs("linux")
            .setPriority(plan.priority())
            .setMinCores(1)
            .setMaxCores(200)
            .setLogDir(logDir)
            .setIsPaused(plan.paused())
            .setStartTime(start)
            .setStopTime(finished ? BASE_TIME - 600 : 0)
            .setMaxGpus(100)
            .setEligibleTime(start)
            .build());
    List<LayerPlan> layerPlans =
        List.of(
            new LayerPlan("render", 4, 8 * GIB_KIB, "arnold", "kick -i #JOB#.#IFRAME#.ass", render),
            new LayerPlan("comp", 1, 2 * GIB_KIB, "nuke", "nuke -x comp.nk -F #IFRAME#", comp));
    int hostTurn = 0;
    for (int order = 0; order < layerPlans.size(); order++) {
      LayerPlan layerPlan = layerPlans.get(order);
      Layer layer = layer(jobId, jobName, layerPlan, order, start);
      farm.addLayer(jobId, layer);
      for (int number = 1; number <= FRAMES_PER_LAYER; number++) {
        FrameState state = layerPlan.states().apply(number);
        String host = RENDER_HOSTS.get(hostTurn % RENDER_HOSTS.size());
        Frame frame = frame(jobName, layerPlan, number, state, host, start);
        farm.addFrame(layer.getId(), frame);
        if (state == FrameState.RUNNING) {
          hostTurn++;
          farm.addProc(id("host", host), frame.getId(), proc(plan, logDir, layerPlan, frame, host));
        }
      }
    }
  }

  private static boolean isDone(FrameState state) {
    return state == FrameState.SUCCEEDED || state == FrameState.EATEN;
  }

  private record LayerPlan(
      String name,
      int cores,
      long memoryKib,
      String service,
      String command,
      IntFunction<FrameState> states) {}

  private static Layer layer(
      String jobId, String jobName, LayerPlan plan, int dispatchOrder, int start) {
    return Layer.newBuilder()
        .setId(id("layer", jobName + "/" + plan.name()))
        .setName(plan.name())
        .setRange("1-" + FRAMES_PER_LAYER)
        .addTags("general")
        .setMinCores(plan.cores())
        .setMaxCores(plan.cores() == 1 ? 1 : 0)
        .setIsThreadable(plan.cores() > 1)
        .setMinMemory(plan.memoryKib())
        .setChunkSize(1)
        .setDispatchOrder(dispatchOrder)
        .setType(LayerType.RENDER)
        .addServices(plan.service())
        .setMemoryOptimizerEnabled(true)
        .setParentId(jobId)
        .addLimits(plan.service())
        .setCommand(plan.command())
        .setEligibleTime(start)
        .setStartTime(start)
        .build();
  }

  private static Frame frame(
      String jobName, LayerPlan layer, int number, FrameState state, String host, int start) {
    String name = String.format("%04d-%s", number, layer.name());
    Frame.Builder frame =
        Frame.newBuilder()
            .setId(id("frame", jobName + "/" + name))
            .setName(name)
            .setLayerName(layer.name())
            .setNumber(number)
            .setState(state)
            .setExitStatus(-1)
            .setDispatchOrder(number - 1)
            .setLastResource("/0.00/0")
            .setCheckpointState(CheckpointState.DISABLED)
            .setEligibleTime(start)
            .setSubmissionTime(start);
    int frameStart = start + number * 120;
    long rss = layer.memoryKib() / 2 + number * 1_024L;
    String resource = String.format("%s/%d.00/0", host, layer.cores());
    switch (state) {
      case SUCCEEDED ->
          frame
              .setExitStatus(0)
              .setStartTime(frameStart)
              .setStopTime(frameStart + 600 + number)
              .setMaxRss(rss)
              .setLastResource(resource)
              .setTotalCoreTime((600 + number) * layer.cores())
              .setLluTime(frameStart + 600 + number);
      case RUNNING ->
          frame
              .setStartTime(BASE_TIME - 300)
              .setMaxRss(rss)
              .setUsedMemory(rss)
              .setReservedMemory(layer.memoryKib())
              .setLastResource(resource)
              .setTotalCoreTime(300 * layer.cores())
              .setLluTime(BASE_TIME - 5);
      case DEAD ->
          frame
              .setExitStatus(1)
              .setRetryCount(3)
              .setStartTime(frameStart)
              .setStopTime(frameStart + 45)
              .setMaxRss(rss)
              .setLastResource(resource)
              .setTotalCoreTime(45 * layer.cores());
      default -> {
        // Waiting, eaten and dependent frames never ran.
      }
    }
    return frame.build();
  }

  private static Proc proc(JobPlan plan, String logDir, LayerPlan layer, Frame frame, String host) {
    return Proc.newBuilder()
        .setId(id("proc", plan.jobName() + "/" + frame.getName()))
        .setName(frame.getLastResource())
        .setShowName(plan.show())
        .setJobName(plan.jobName())
        .setFrameName(frame.getName())
        .setGroupName(plan.group())
        .setPingTime(BASE_TIME - 5)
        .setBookedTime(frame.getStartTime())
        .setDispatchTime(frame.getStartTime())
        .setReservedMemory(layer.memoryKib())
        .setUsedMemory(frame.getUsedMemory())
        .setReservedCores(layer.cores())
        .setLogPath(logDir + "/" + plan.jobName() + "." + frame.getName() + ".rqlog")
        .addServices(layer.service())
        .build();
  }

  private static void seedComments(FarmState farm) {
    farm.addComment(
        id("job", LIGHTING_JOB),
        Comment.newBuilder()
            .setId(id("comment", LIGHTING_JOB))
            .setTimestamp(BASE_TIME - 1_800)
            .setUser("alice")
            .setSubject("Key light")
            .setMessage("Key light too hot on sh01, rerendering v003.")
            .build());
    farm.addComment(
        id("host", "render-host-004"),
        Comment.newBuilder()
            .setId(id("comment", "render-host-004"))
            .setTimestamp(BASE_TIME - 3_600)
            .setUser("wrangler")
            .setSubject("Disk failure")
            .setMessage("Scratch disk failed, waiting for repair.")
            .build());
  }

  private static void seedFilters(FarmState farm) {
    String pause = "pause_bob_sims";
    farm.addFilter(
        SHOW,
        Filter.newBuilder()
            .setId(id("filter", pause))
            .setName(pause)
            .setType(FilterType.MATCH_ALL)
            .setOrder(1)
            .setEnabled(true)
            .build(),
        List.of(
            Action.newBuilder()
                .setId(id("action", pause))
                .setType(ActionType.PAUSE_JOB)
                .setValueType(ActionValueType.BOOLEAN_TYPE)
                .setBooleanValue(true)
                .build()),
        List.of(
            Matcher.newBuilder()
                .setId(id("matcher", pause + "/user"))
                .setSubject(MatchSubject.USER)
                .setType(MatchType.IS)
                .setInput("bob")
                .build(),
            Matcher.newBuilder()
                .setId(id("matcher", pause + "/name"))
                .setSubject(MatchSubject.JOB_NAME)
                .setType(MatchType.CONTAINS)
                .setInput("_fx_sim_")
                .build()));
  }

  private static void seedCatalog(FarmState farm) {
    farm.addLimit(limit("arnold", 100, 7));
    farm.addLimit(limit("nuke", 20, 1));
    farm.addService(service("default", false, 100, 3 * GIB_KIB, "general"));
    farm.addService(service("arnold", true, 400, 8 * GIB_KIB, "general"));
    farm.addService(service("nuke", false, 100, 2 * GIB_KIB, "general"));
    farm.addService(service("shell", false, 100, GIB_KIB, "util"));
  }

  private static Limit limit(String name, int max, int running) {
    return Limit.newBuilder()
        .setId(id("limit", name))
        .setName(name)
        .setMaxValue(max)
        .setCurrentRunning(running)
        .build();
  }

  private static Service service(
      String name, boolean threadable, int minCores, long memoryKib, String tag) {
    return Service.newBuilder()
        .setId(id("service", name))
        .setName(name)
        .setThreadable(threadable)
        .setMinCores(minCores)
        .setMaxCores(threadable ? 0 : minCores)
        .setMinMemory(memoryKib)
        .setMinGpuMemory(0)
        .addTags(tag)
        .setMinMemoryIncrease(2 * 1024 * 1024)
        .build();
  }

  /**
   * The {@code index}-th bulk job: a pending job of show {@code testing} with plausible stats but
   * no layers. Equal arguments give equal jobs.
   */
  public static Job generatedJob(int index, Random random) {
    String user = USERS[random.nextInt(USERS.length)];
    String shot = String.format("sh%03d", random.nextInt(400));
    String name =
        String.format(
            "%s-%s-%s_%s_v%03d_%06d",
            SHOW, shot, user, TASKS[random.nextInt(TASKS.length)], random.nextInt(40), index);
    String jobId = id("generated-job", name);
    int total = 10 + random.nextInt(2_000);
    int succeeded = random.nextInt(total + 1);
    int running = Math.min(total - succeeded, random.nextInt(24));
    int dead = Math.min(total - succeeded - running, random.nextInt(5));
    int waiting = total - succeeded - running - dead;
    int avgSeconds = 60 + random.nextInt(3_600);
    long coreSeconds = (long) succeeded * avgSeconds * 4;
    return Job.newBuilder()
        .setId(jobId)
        .setState(JobState.PENDING)
        .setName(name)
        .setShot(shot)
        .setShow(SHOW)
        .setUser(user)
        .setGroup(SHOW)
        .setFacility("local")
        .setOs("linux")
        .setPriority(1 + random.nextInt(300))
        .setMinCores(1)
        .setMaxCores(200)
        .setLogDir("/shots/" + SHOW + "/" + shot + "/logs/" + name + "--" + jobId)
        .setStartTime(BASE_TIME - random.nextInt(7 * 86_400))
        .setMaxGpus(100)
        .setJobStats(
            JobStats.newBuilder()
                .setTotalLayers(2)
                .setTotalFrames(total)
                .setWaitingFrames(waiting)
                .setRunningFrames(running)
                .setDeadFrames(dead)
                .setSucceededFrames(succeeded)
                .setPendingFrames(waiting)
                .setAvgFrameSec(avgSeconds)
                .setHighFrameSec(avgSeconds * 2)
                .setAvgCoreSec(avgSeconds * 4)
                .setRenderedFrameCount(succeeded)
                .setFailedFrameCount(dead)
                .setRemainingCoreSec((long) waiting * avgSeconds * 4)
                .setTotalCoreSec(coreSeconds + (long) dead * 45)
                .setRenderedCoreSec(coreSeconds)
                .setFailedCoreSec((long) dead * 45)
                .setMaxRss(2 * GIB_KIB + random.nextInt(30_000_000))
                .setReservedCores(running * 4f))
        .build();
  }

  /** {@code count} bulk jobs, the same on every call: a {@code GetJobs} answer of any size. */
  public static JobGetJobsResponse jobs(int count) {
    Random random = new Random(SEED);
    JobSeq.Builder jobs = JobSeq.newBuilder();
    for (int i = 0; i < count; i++) {
      jobs.addJobs(generatedJob(i, random));
    }
    return JobGetJobsResponse.newBuilder().setJobs(jobs).build();
  }

  /** {@code count} frames of one render layer, the same on every call. */
  public static JobGetFramesResponse frames(int count) {
    Random random = new Random(SEED);
    FrameState[] states = FrameState.values();
    LayerPlan render =
        new LayerPlan("render", 4, 8 * GIB_KIB, "arnold", "kick", n -> FrameState.WAITING);
    List<Frame> frames = new ArrayList<>(count);
    for (int number = 1; number <= count; number++) {
      FrameState state = states[random.nextInt(FrameState.CHECKPOINT.getNumber())];
      String host = RENDER_HOSTS.get(random.nextInt(RENDER_HOSTS.size()));
      frames.add(frame(LIGHTING_JOB, render, number, state, host, BASE_TIME - 86_400));
    }
    return JobGetFramesResponse.newBuilder()
        .setFrames(FrameSeq.newBuilder().addAllFrames(frames))
        .build();
  }
}
