package dev.cuegate.testing;

import static dev.cuegate.testing.Replies.reply;
import static dev.cuegate.testing.Replies.requireNonNegative;

import dev.cuegate.proto.comment.CommentSeq;
import dev.cuegate.proto.depend.DependSeq;
import dev.cuegate.proto.job.Frame;
import dev.cuegate.proto.job.FrameSearchCriteria;
import dev.cuegate.proto.job.FrameSeq;
import dev.cuegate.proto.job.FrameState;
import dev.cuegate.proto.job.Job;
import dev.cuegate.proto.job.JobAddCommentRequest;
import dev.cuegate.proto.job.JobAddCommentResponse;
import dev.cuegate.proto.job.JobEatFramesRequest;
import dev.cuegate.proto.job.JobEatFramesResponse;
import dev.cuegate.proto.job.JobFindJobRequest;
import dev.cuegate.proto.job.JobFindJobResponse;
import dev.cuegate.proto.job.JobGetCommentsRequest;
import dev.cuegate.proto.job.JobGetCommentsResponse;
import dev.cuegate.proto.job.JobGetCurrentRequest;
import dev.cuegate.proto.job.JobGetCurrentResponse;
import dev.cuegate.proto.job.JobGetDependsRequest;
import dev.cuegate.proto.job.JobGetDependsResponse;
import dev.cuegate.proto.job.JobGetFramesRequest;
import dev.cuegate.proto.job.JobGetUpdatedFramesRequest;
import dev.cuegate.proto.job.JobGetUpdatedFramesResponse;
import dev.cuegate.proto.job.UpdatedFrame;
import dev.cuegate.proto.job.UpdatedFrameSeq;
import dev.cuegate.proto.job.JobGetFramesResponse;
import dev.cuegate.proto.job.JobGetJobNamesRequest;
import dev.cuegate.proto.job.JobGetJobNamesResponse;
import dev.cuegate.proto.job.JobGetJobRequest;
import dev.cuegate.proto.job.JobGetJobResponse;
import dev.cuegate.proto.job.JobGetJobsRequest;
import dev.cuegate.proto.job.JobGetJobsResponse;
import dev.cuegate.proto.job.JobGetLayersRequest;
import dev.cuegate.proto.job.JobGetLayersResponse;
import dev.cuegate.proto.job.JobGetWhatDependsOnThisRequest;
import dev.cuegate.proto.job.JobGetWhatDependsOnThisResponse;
import dev.cuegate.proto.job.JobGetWhatThisDependsOnRequest;
import dev.cuegate.proto.job.JobGetWhatThisDependsOnResponse;
import dev.cuegate.proto.job.JobInterfaceGrpc;
import dev.cuegate.proto.job.JobIsJobPendingRequest;
import dev.cuegate.proto.job.JobIsJobPendingResponse;
import dev.cuegate.proto.job.JobKillFramesRequest;
import dev.cuegate.proto.job.JobKillFramesResponse;
import dev.cuegate.proto.job.JobKillRequest;
import dev.cuegate.proto.job.JobKillResponse;
import dev.cuegate.proto.job.JobPauseRequest;
import dev.cuegate.proto.job.JobPauseResponse;
import dev.cuegate.proto.job.JobResumeRequest;
import dev.cuegate.proto.job.JobResumeResponse;
import dev.cuegate.proto.job.JobRetryFramesRequest;
import dev.cuegate.proto.job.JobRetryFramesResponse;
import dev.cuegate.proto.job.JobSeq;
import dev.cuegate.proto.job.JobSetAutoEatRequest;
import dev.cuegate.proto.job.JobSetAutoEatResponse;
import dev.cuegate.proto.job.JobSetMaxCoresRequest;
import dev.cuegate.proto.job.JobSetMaxCoresResponse;
import dev.cuegate.proto.job.JobSetMinCoresRequest;
import dev.cuegate.proto.job.JobSetMinCoresResponse;
import dev.cuegate.proto.job.JobSetPriorityRequest;
import dev.cuegate.proto.job.JobSetPriorityResponse;
import dev.cuegate.proto.job.JobState;
import dev.cuegate.proto.job.LayerSeq;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.function.Predicate;

/** The fake's {@code job.JobInterface}. */
final class FakeJobService extends JobInterfaceGrpc.JobInterfaceImplBase {

  /** How far behind Cuebot's clock a {@code last_check} may be. */
  private static final int MAX_CHECK_AGE_SECONDS = 60;
  /** Cuebot's page of updated frames. */
  private static final int MAX_UPDATED_FRAMES = 100;

  private final FarmState farm;

  FakeJobService(FarmState farm) {
    this.farm = farm;
  }

  private String jobId(Job ref) {
    return farm.job(ref).getId();
  }

  private List<Frame> matching(Job ref, FrameSearchCriteria criteria, Predicate<Frame> test) {
    return FrameCriteria.select(farm.frames(jobId(ref)), criteria).stream().filter(test).toList();
  }

  @Override
  public void getJobs(JobGetJobsRequest request, StreamObserver<JobGetJobsResponse> out) {
    JobCriteria criteria = JobCriteria.of(request.getR());
    JobSeq jobs =
        JobSeq.newBuilder().addAllJobs(farm.jobs().stream().filter(criteria).toList()).build();
    reply(out, JobGetJobsResponse.newBuilder().setJobs(jobs).build());
  }

  @Override
  public void getJobNames(
      JobGetJobNamesRequest request, StreamObserver<JobGetJobNamesResponse> out) {
    JobCriteria criteria = JobCriteria.of(request.getR());
    List<String> names = farm.jobs().stream().filter(criteria).map(Job::getName).toList();
    reply(out, JobGetJobNamesResponse.newBuilder().addAllNames(names).build());
  }

  @Override
  public void findJob(JobFindJobRequest request, StreamObserver<JobFindJobResponse> out) {
    reply(out, JobFindJobResponse.newBuilder().setJob(farm.findJob(request.getName())).build());
  }

  @Override
  public void getJob(JobGetJobRequest request, StreamObserver<JobGetJobResponse> out) {
    reply(out, JobGetJobResponse.newBuilder().setJob(farm.job(request.getId())).build());
  }

  @Override
  public void getCurrent(JobGetCurrentRequest request, StreamObserver<JobGetCurrentResponse> out) {
    reply(out, JobGetCurrentResponse.newBuilder().setJob(farm.job(request.getJob())).build());
  }

  @Override
  public void isJobPending(
      JobIsJobPendingRequest request, StreamObserver<JobIsJobPendingResponse> out) {
    boolean pending =
        farm.jobs().stream()
            .anyMatch(
                j -> j.getName().equals(request.getName()) && j.getState() == JobState.PENDING);
    reply(out, JobIsJobPendingResponse.newBuilder().setValue(pending).build());
  }

  @Override
  public void getLayers(JobGetLayersRequest request, StreamObserver<JobGetLayersResponse> out) {
    LayerSeq layers =
        LayerSeq.newBuilder().addAllLayers(farm.layers(jobId(request.getJob()))).build();
    reply(out, JobGetLayersResponse.newBuilder().setLayers(layers).build());
  }

  @Override
  public void getFrames(JobGetFramesRequest request, StreamObserver<JobGetFramesResponse> out) {
    List<Frame> page = FrameCriteria.page(farm.frames(jobId(request.getJob())), request.getReq());
    reply(
        out,
        JobGetFramesResponse.newBuilder()
            .setFrames(FrameSeq.newBuilder().addAllFrames(page))
            .build());
  }

  /**
   * The job's frames changed since {@code last_check} (within the second: a superset), at most
   * 100 of them, as Cuebot limits its answer. A {@code last_check} more than 60 s behind the
   * farm's clock gets no answer at all, as from Cuebot: it refuses such a check with an exception
   * that its handler swallows, so the caller waits out its deadline (docs/EVENTS.md).
   */
  @Override
  public void getUpdatedFrames(
      JobGetUpdatedFramesRequest request, StreamObserver<JobGetUpdatedFramesResponse> out) {
    String jobId = jobId(request.getJob());
    if (farm.now() - request.getLastCheck() > MAX_CHECK_AGE_SECONDS) {
      return;
    }
    UpdatedFrameSeq.Builder updated = UpdatedFrameSeq.newBuilder();
    for (Frame frame : farm.framesUpdatedSince(jobId, request.getLastCheck()).stream()
        .limit(MAX_UPDATED_FRAMES).toList()) {
      updated.addUpdatedFrames(UpdatedFrame.newBuilder()
          .setId(frame.getId())
          .setState(frame.getState())
          .setRetryCount(frame.getRetryCount())
          .setExitStatus(frame.getExitStatus())
          .setLastResource(frame.getLastResource()));
    }
    reply(out, JobGetUpdatedFramesResponse.newBuilder()
        .setState(farm.job(jobId).getState())
        .setServerTime(farm.now())
        .setUpdatedFrames(updated)
        .build());
  }

  @Override
  public void kill(JobKillRequest request, StreamObserver<JobKillResponse> out) {
    farm.killJob(jobId(request.getJob()));
    reply(out, JobKillResponse.getDefaultInstance());
  }

  @Override
  public void pause(JobPauseRequest request, StreamObserver<JobPauseResponse> out) {
    farm.updateJob(jobId(request.getJob()), j -> j.setIsPaused(true));
    reply(out, JobPauseResponse.getDefaultInstance());
  }

  @Override
  public void resume(JobResumeRequest request, StreamObserver<JobResumeResponse> out) {
    farm.updateJob(jobId(request.getJob()), j -> j.setIsPaused(false));
    reply(out, JobResumeResponse.getDefaultInstance());
  }

  @Override
  public void setPriority(
      JobSetPriorityRequest request, StreamObserver<JobSetPriorityResponse> out) {
    requireNonNegative(request.getVal(), "priority");
    farm.updateJob(jobId(request.getJob()), j -> j.setPriority(request.getVal()));
    reply(out, JobSetPriorityResponse.getDefaultInstance());
  }

  @Override
  public void setMinCores(
      JobSetMinCoresRequest request, StreamObserver<JobSetMinCoresResponse> out) {
    requireNonNegative(request.getVal(), "min_cores");
    farm.updateJob(jobId(request.getJob()), j -> j.setMinCores(request.getVal()));
    reply(out, JobSetMinCoresResponse.getDefaultInstance());
  }

  @Override
  public void setMaxCores(
      JobSetMaxCoresRequest request, StreamObserver<JobSetMaxCoresResponse> out) {
    requireNonNegative(request.getVal(), "max_cores");
    farm.updateJob(jobId(request.getJob()), j -> j.setMaxCores(request.getVal()));
    reply(out, JobSetMaxCoresResponse.getDefaultInstance());
  }

  @Override
  public void setAutoEat(JobSetAutoEatRequest request, StreamObserver<JobSetAutoEatResponse> out) {
    farm.updateJob(jobId(request.getJob()), j -> j.setAutoEat(request.getValue()));
    reply(out, JobSetAutoEatResponse.getDefaultInstance());
  }

  @Override
  public void getComments(
      JobGetCommentsRequest request, StreamObserver<JobGetCommentsResponse> out) {
    CommentSeq comments =
        CommentSeq.newBuilder().addAllComments(farm.comments(jobId(request.getJob()))).build();
    reply(out, JobGetCommentsResponse.newBuilder().setComments(comments).build());
  }

  @Override
  public void addComment(JobAddCommentRequest request, StreamObserver<JobAddCommentResponse> out) {
    farm.addComment(jobId(request.getJob()), request.getNewComment());
    reply(out, JobAddCommentResponse.getDefaultInstance());
  }

  @Override
  public void retryFrames(
      JobRetryFramesRequest request, StreamObserver<JobRetryFramesResponse> out) {
    farm.setFrameStates(
        matching(request.getJob(), request.getReq(), f -> f.getState() != FrameState.RUNNING),
        FrameState.WAITING);
    reply(out, JobRetryFramesResponse.getDefaultInstance());
  }

  @Override
  public void eatFrames(JobEatFramesRequest request, StreamObserver<JobEatFramesResponse> out) {
    farm.setFrameStates(
        matching(request.getJob(), request.getReq(), f -> f.getState() != FrameState.SUCCEEDED),
        FrameState.EATEN);
    reply(out, JobEatFramesResponse.getDefaultInstance());
  }

  @Override
  public void killFrames(JobKillFramesRequest request, StreamObserver<JobKillFramesResponse> out) {
    farm.setFrameStates(
        matching(request.getJob(), request.getReq(), f -> f.getState() == FrameState.RUNNING),
        FrameState.WAITING);
    reply(out, JobKillFramesResponse.getDefaultInstance());
  }

  @Override
  public void getWhatDependsOnThis(
      JobGetWhatDependsOnThisRequest request, StreamObserver<JobGetWhatDependsOnThisResponse> out) {
    jobId(request.getJob());
    reply(
        out,
        JobGetWhatDependsOnThisResponse.newBuilder()
            .setDepends(DependSeq.getDefaultInstance())
            .build());
  }

  @Override
  public void getWhatThisDependsOn(
      JobGetWhatThisDependsOnRequest request, StreamObserver<JobGetWhatThisDependsOnResponse> out) {
    jobId(request.getJob());
    reply(
        out,
        JobGetWhatThisDependsOnResponse.newBuilder()
            .setDepends(DependSeq.getDefaultInstance())
            .build());
  }

  @Override
  public void getDepends(JobGetDependsRequest request, StreamObserver<JobGetDependsResponse> out) {
    jobId(request.getJob());
    reply(
        out, JobGetDependsResponse.newBuilder().setDepends(DependSeq.getDefaultInstance()).build());
  }
}
