package dev.cuegate.farm.service;

import dev.cuegate.farm.spec.JobSpecParser;
import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.FrameChange;
import dev.cuegate.farm.store.FrameQuery;
import dev.cuegate.farm.store.JobQuery;
import dev.cuegate.farm.store.SchedulingStore;
import dev.cuegate.proto.comment.Comment;
import dev.cuegate.proto.comment.CommentSeq;
import dev.cuegate.proto.job.FrameSearchCriteria;
import dev.cuegate.proto.job.FrameSeq;
import dev.cuegate.proto.job.Job;
import dev.cuegate.proto.job.JobAddCommentRequest;
import dev.cuegate.proto.job.JobAddCommentResponse;
import dev.cuegate.proto.job.JobEatFramesRequest;
import dev.cuegate.proto.job.JobEatFramesResponse;
import dev.cuegate.proto.job.JobFindJobRequest;
import dev.cuegate.proto.job.JobFindJobResponse;
import dev.cuegate.proto.job.JobGetCommentsRequest;
import dev.cuegate.proto.job.JobGetCommentsResponse;
import dev.cuegate.proto.job.JobGetFramesRequest;
import dev.cuegate.proto.job.JobGetFramesResponse;
import dev.cuegate.proto.job.JobGetJobRequest;
import dev.cuegate.proto.job.JobGetJobResponse;
import dev.cuegate.proto.job.JobGetJobsRequest;
import dev.cuegate.proto.job.JobGetJobsResponse;
import dev.cuegate.proto.job.JobGetLayersRequest;
import dev.cuegate.proto.job.JobGetLayersResponse;
import dev.cuegate.proto.job.JobGetDependsRequest;
import dev.cuegate.proto.job.JobGetDependsResponse;
import dev.cuegate.proto.job.JobGetWhatDependsOnThisRequest;
import dev.cuegate.proto.job.JobGetWhatDependsOnThisResponse;
import dev.cuegate.proto.job.JobGetWhatThisDependsOnRequest;
import dev.cuegate.proto.job.JobGetWhatThisDependsOnResponse;
import dev.cuegate.proto.job.JobInterfaceGrpc;
import dev.cuegate.proto.job.JobKillFramesRequest;
import dev.cuegate.proto.job.JobKillFramesResponse;
import dev.cuegate.proto.job.JobKillRequest;
import dev.cuegate.proto.job.JobKillResponse;
import dev.cuegate.proto.job.JobLaunchSpecAndWaitRequest;
import dev.cuegate.proto.job.JobLaunchSpecAndWaitResponse;
import dev.cuegate.proto.job.JobLaunchSpecRequest;
import dev.cuegate.proto.job.JobLaunchSpecResponse;
import dev.cuegate.proto.job.JobPauseRequest;
import dev.cuegate.proto.job.JobPauseResponse;
import dev.cuegate.proto.job.JobResumeRequest;
import dev.cuegate.proto.job.JobResumeResponse;
import dev.cuegate.proto.job.JobRetryFramesRequest;
import dev.cuegate.proto.job.JobRetryFramesResponse;
import dev.cuegate.proto.job.JobSeq;
import dev.cuegate.proto.job.JobSetAutoEatRequest;
import dev.cuegate.proto.job.JobSetAutoEatResponse;
import dev.cuegate.proto.job.JobSetMaxRetriesRequest;
import dev.cuegate.proto.job.JobSetMaxRetriesResponse;
import dev.cuegate.proto.job.JobSetPriorityRequest;
import dev.cuegate.proto.job.JobSetPriorityResponse;
import dev.cuegate.proto.job.LayerSeq;
import dev.cuegate.proto.job.JobSetMinCoresRequest;
import dev.cuegate.proto.job.JobSetMinCoresResponse;
import dev.cuegate.proto.job.JobSetMaxCoresRequest;
import dev.cuegate.proto.job.JobSetMaxCoresResponse;
import dev.cuegate.proto.job.JobSetMinGpusRequest;
import dev.cuegate.proto.job.JobSetMinGpusResponse;
import dev.cuegate.proto.job.JobSetMaxGpusRequest;
import dev.cuegate.proto.job.JobSetMaxGpusResponse;
import dev.cuegate.proto.job.JobReorderFramesRequest;
import dev.cuegate.proto.job.JobReorderFramesResponse;
import dev.cuegate.proto.job.JobStaggerFramesRequest;
import dev.cuegate.proto.job.JobStaggerFramesResponse;
import dev.cuegate.proto.job.JobCreateDependencyOnJobRequest;
import dev.cuegate.proto.job.JobCreateDependencyOnJobResponse;
import dev.cuegate.proto.job.JobCreateDependencyOnLayerRequest;
import dev.cuegate.proto.job.JobCreateDependencyOnLayerResponse;
import dev.cuegate.proto.job.JobCreateDependencyOnFrameRequest;
import dev.cuegate.proto.job.JobCreateDependencyOnFrameResponse;
import dev.cuegate.proto.job.JobDropDependsRequest;
import dev.cuegate.proto.job.JobDropDependsResponse;
import dev.cuegate.proto.job.JobMarkDoneFramesRequest;
import dev.cuegate.proto.job.JobMarkDoneFramesResponse;
import io.grpc.stub.StreamObserver;
import java.util.List;

/** {@code job.JobInterface}: launching specs, listing jobs and steering them. */
final class JobService extends JobInterfaceGrpc.JobInterfaceImplBase {
  private final FarmStore store;
  private final SchedulingStore scheduling;
  private final DependCalls depends;

  JobService(FarmStore store) {
    this.store = store;
    this.scheduling = SchedulingStore.of(store);
    this.depends = new DependCalls(store);
  }

  @Override
  public void launchSpec(JobLaunchSpecRequest request,
      StreamObserver<JobLaunchSpecResponse> observer) {
    Calls.answer(observer, () -> {
      List<String> ids = store.launch(JobSpecParser.parse(request.getSpec()));
      JobLaunchSpecResponse.Builder reply = JobLaunchSpecResponse.newBuilder();
      ids.forEach(id -> reply.addNames(store.job(id).name()));
      return reply.build();
    });
  }

  @Override
  public void launchSpecAndWait(JobLaunchSpecAndWaitRequest request,
      StreamObserver<JobLaunchSpecAndWaitResponse> observer) {
    Calls.answer(observer, () -> {
      List<String> ids = store.launch(JobSpecParser.parse(request.getSpec()));
      JobSeq.Builder jobs = JobSeq.newBuilder();
      ids.forEach(id -> jobs.addJobs(Protos.job(store.job(id))));
      return JobLaunchSpecAndWaitResponse.newBuilder().setJobs(jobs).build();
    });
  }

  @Override
  public void getJobs(JobGetJobsRequest request, StreamObserver<JobGetJobsResponse> observer) {
    Calls.answer(observer, () -> {
      JobQuery query = Calls.jobQuery(request.getR());
      JobSeq.Builder jobs = JobSeq.newBuilder();
      store.jobs(query).forEach(job -> jobs.addJobs(Protos.job(job)));
      return JobGetJobsResponse.newBuilder().setJobs(jobs).build();
    });
  }

  @Override
  public void findJob(JobFindJobRequest request, StreamObserver<JobFindJobResponse> observer) {
    Calls.answer(observer, () -> JobFindJobResponse.newBuilder()
        .setJob(Protos.job(store.findJob(request.getName()))).build());
  }

  @Override
  public void getJob(JobGetJobRequest request, StreamObserver<JobGetJobResponse> observer) {
    Calls.answer(observer, () -> JobGetJobResponse.newBuilder()
        .setJob(Protos.job(store.job(request.getId()))).build());
  }

  @Override
  public void getLayers(JobGetLayersRequest request,
      StreamObserver<JobGetLayersResponse> observer) {
    Calls.answer(observer, () -> {
      LayerSeq.Builder layers = LayerSeq.newBuilder();
      store.layers(jobId(request.getJob())).forEach(layer -> layers.addLayers(Protos.layer(layer)));
      return JobGetLayersResponse.newBuilder().setLayers(layers).build();
    });
  }

  @Override
  public void getFrames(JobGetFramesRequest request,
      StreamObserver<JobGetFramesResponse> observer) {
    Calls.answer(observer, () -> {
      FrameQuery query = Calls.frameQuery(request.getReq());
      FrameSeq.Builder frames = FrameSeq.newBuilder();
      store.jobFrames(jobId(request.getJob()), query)
          .forEach(frame -> frames.addFrames(Protos.frame(frame)));
      return JobGetFramesResponse.newBuilder().setFrames(frames).build();
    });
  }

  @Override
  public void kill(JobKillRequest request, StreamObserver<JobKillResponse> observer) {
    Calls.answer(observer, () -> {
      store.kill(jobId(request.getJob()));
      return JobKillResponse.getDefaultInstance();
    });
  }

  @Override
  public void pause(JobPauseRequest request, StreamObserver<JobPauseResponse> observer) {
    Calls.answer(observer, () -> {
      store.pause(jobId(request.getJob()), true);
      return JobPauseResponse.getDefaultInstance();
    });
  }

  @Override
  public void resume(JobResumeRequest request, StreamObserver<JobResumeResponse> observer) {
    Calls.answer(observer, () -> {
      store.pause(jobId(request.getJob()), false);
      return JobResumeResponse.getDefaultInstance();
    });
  }

  @Override
  public void setPriority(JobSetPriorityRequest request,
      StreamObserver<JobSetPriorityResponse> observer) {
    Calls.answer(observer, () -> {
      store.setPriority(jobId(request.getJob()), request.getVal());
      return JobSetPriorityResponse.getDefaultInstance();
    });
  }

  @Override
  public void retryFrames(JobRetryFramesRequest request,
      StreamObserver<JobRetryFramesResponse> observer) {
    Calls.answer(observer, () -> {
      store.changeJobFrames(jobId(request.getJob()), unpaged(request.getReq()),
          FrameChange.RETRY);
      return JobRetryFramesResponse.getDefaultInstance();
    });
  }

  @Override
  public void eatFrames(JobEatFramesRequest request,
      StreamObserver<JobEatFramesResponse> observer) {
    Calls.answer(observer, () -> {
      store.changeJobFrames(jobId(request.getJob()), unpaged(request.getReq()), FrameChange.EAT);
      return JobEatFramesResponse.getDefaultInstance();
    });
  }

  @Override
  public void killFrames(JobKillFramesRequest request,
      StreamObserver<JobKillFramesResponse> observer) {
    Calls.answer(observer, () -> {
      store.changeJobFrames(jobId(request.getJob()), unpaged(request.getReq()),
          FrameChange.KILL);
      return JobKillFramesResponse.getDefaultInstance();
    });
  }

  @Override
  public void getComments(JobGetCommentsRequest request,
      StreamObserver<JobGetCommentsResponse> observer) {
    Calls.answer(observer, () -> {
      CommentSeq.Builder comments = CommentSeq.newBuilder();
      store.comments(jobId(request.getJob()))
          .forEach(comment -> comments.addComments(Protos.comment(comment)));
      return JobGetCommentsResponse.newBuilder().setComments(comments).build();
    });
  }

  @Override
  public void addComment(JobAddCommentRequest request,
      StreamObserver<JobAddCommentResponse> observer) {
    Calls.answer(observer, () -> {
      Comment comment = request.getNewComment();
      store.addComment(jobId(request.getJob()), comment.getUser(), comment.getSubject(),
          comment.getMessage());
      return JobAddCommentResponse.getDefaultInstance();
    });
  }

  @Override
  public void getDepends(JobGetDependsRequest request,
      StreamObserver<JobGetDependsResponse> observer) {
    Calls.answer(observer, () -> JobGetDependsResponse.newBuilder()
        .setDepends(Protos.depends(store.dependsOfJob(jobId(request.getJob())))).build());
  }

  @Override
  public void getWhatThisDependsOn(JobGetWhatThisDependsOnRequest request,
      StreamObserver<JobGetWhatThisDependsOnResponse> observer) {
    Calls.answer(observer, () -> JobGetWhatThisDependsOnResponse.newBuilder()
        .setDepends(Protos.depends(store.dependsOfJob(jobId(request.getJob())))).build());
  }

  @Override
  public void getWhatDependsOnThis(JobGetWhatDependsOnThisRequest request,
      StreamObserver<JobGetWhatDependsOnThisResponse> observer) {
    Calls.answer(observer, () -> JobGetWhatDependsOnThisResponse.newBuilder()
        .setDepends(Protos.depends(store.dependsOnJob(jobId(request.getJob())))).build());
  }

  @Override
  public void setMaxRetries(JobSetMaxRetriesRequest request,
      StreamObserver<JobSetMaxRetriesResponse> observer) {
    Calls.answer(observer, () -> {
      store.setMaxRetries(jobId(request.getJob()), request.getMaxRetries());
      return JobSetMaxRetriesResponse.getDefaultInstance();
    });
  }

  @Override
  public void setAutoEat(JobSetAutoEatRequest request,
      StreamObserver<JobSetAutoEatResponse> observer) {
    Calls.answer(observer, () -> {
      store.setAutoEat(jobId(request.getJob()), request.getValue());
      return JobSetAutoEatResponse.getDefaultInstance();
    });
  }

  // Scheduling: what the farm's dispatch reads (docs/EMBEDDED-FARM.md, "Scheduling").

  @Override
  public void setMinCores(JobSetMinCoresRequest request,
      StreamObserver<JobSetMinCoresResponse> observer) {
    Calls.answer(observer, () -> {
      scheduling.setJobMinCores(jobId(request.getJob()), request.getVal());
      return JobSetMinCoresResponse.getDefaultInstance();
    });
  }

  @Override
  public void setMaxCores(JobSetMaxCoresRequest request,
      StreamObserver<JobSetMaxCoresResponse> observer) {
    Calls.answer(observer, () -> {
      scheduling.setJobMaxCores(jobId(request.getJob()), request.getVal());
      return JobSetMaxCoresResponse.getDefaultInstance();
    });
  }

  @Override
  public void setMinGpus(JobSetMinGpusRequest request,
      StreamObserver<JobSetMinGpusResponse> observer) {
    Calls.answer(observer, () -> {
      scheduling.setJobMinGpus(jobId(request.getJob()), request.getVal());
      return JobSetMinGpusResponse.getDefaultInstance();
    });
  }

  @Override
  public void setMaxGpus(JobSetMaxGpusRequest request,
      StreamObserver<JobSetMaxGpusResponse> observer) {
    Calls.answer(observer, () -> {
      scheduling.setJobMaxGpus(jobId(request.getJob()), request.getVal());
      return JobSetMaxGpusResponse.getDefaultInstance();
    });
  }

  @Override
  public void reorderFrames(JobReorderFramesRequest request,
      StreamObserver<JobReorderFramesResponse> observer) {
    Calls.answer(observer, () -> {
      scheduling.reorderJobFrames(jobId(request.getJob()), request.getRange(),
          request.getOrder());
      return JobReorderFramesResponse.getDefaultInstance();
    });
  }

  @Override
  public void staggerFrames(JobStaggerFramesRequest request,
      StreamObserver<JobStaggerFramesResponse> observer) {
    Calls.answer(observer, () -> {
      scheduling.staggerJobFrames(jobId(request.getJob()), request.getRange(),
          request.getStagger());
      return JobStaggerFramesResponse.getDefaultInstance();
    });
  }

  @Override
  public void createDependencyOnJob(JobCreateDependencyOnJobRequest request,
      StreamObserver<JobCreateDependencyOnJobResponse> observer) {
    Calls.answer(observer, () -> JobCreateDependencyOnJobResponse.newBuilder()
        .setDepend(depends.create(depends.job("job", request.getJob()),
            depends.job("on_job", request.getOnJob())))
        .build());
  }

  @Override
  public void createDependencyOnLayer(JobCreateDependencyOnLayerRequest request,
      StreamObserver<JobCreateDependencyOnLayerResponse> observer) {
    Calls.answer(observer, () -> JobCreateDependencyOnLayerResponse.newBuilder()
        .setDepend(depends.create(depends.job("job", request.getJob()),
            DependCalls.layer("layer", request.getLayer())))
        .build());
  }

  @Override
  public void createDependencyOnFrame(JobCreateDependencyOnFrameRequest request,
      StreamObserver<JobCreateDependencyOnFrameResponse> observer) {
    Calls.answer(observer, () -> JobCreateDependencyOnFrameResponse.newBuilder()
        .setDepend(depends.create(depends.job("job", request.getJob()),
            DependCalls.frame("frame", request.getFrame())))
        .build());
  }

  /** What the job, its layers and frames wait for on {@code target} no longer holds them. */
  @Override
  public void dropDepends(JobDropDependsRequest request,
      StreamObserver<JobDropDependsResponse> observer) {
    Calls.answer(observer, () -> {
      depends.actions().dropJobDepends(jobId(request.getJob()), request.getTarget());
      return JobDropDependsResponse.getDefaultInstance();
    });
  }

  /** As Cuebot: what waits on the matching frames is released; the frames keep their state. */
  @Override
  public void markDoneFrames(JobMarkDoneFramesRequest request,
      StreamObserver<JobMarkDoneFramesResponse> observer) {
    Calls.answer(observer, () -> {
      depends.actions().markDoneJobFrames(jobId(request.getJob()), unpaged(request.getReq()));
      return JobMarkDoneFramesResponse.getDefaultInstance();
    });
  }

  private String jobId(Job job) {
    return Calls.jobId(store, job);
  }

  /** Actions apply to every matching frame, not to one page of them. */
  private static FrameQuery unpaged(FrameSearchCriteria criteria) {
    FrameQuery query = Calls.frameQuery(criteria);
    return new FrameQuery(query.ids(), query.names(), query.layers(), query.states(),
        query.numbers(), 1, Integer.MAX_VALUE);
  }
}
