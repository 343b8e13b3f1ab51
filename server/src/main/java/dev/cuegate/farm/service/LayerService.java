package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmException;
import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.LimitStore;
import dev.cuegate.farm.store.SchedulingStore;
import dev.cuegate.farm.store.FrameChange;
import dev.cuegate.proto.job.FrameSeq;
import dev.cuegate.proto.job.LayerEatFramesRequest;
import dev.cuegate.proto.job.LayerEatFramesResponse;
import dev.cuegate.proto.job.LayerFindLayerRequest;
import dev.cuegate.proto.job.LayerFindLayerResponse;
import dev.cuegate.proto.job.LayerGetFramesRequest;
import dev.cuegate.proto.job.LayerGetFramesResponse;
import dev.cuegate.proto.job.LayerGetLayerRequest;
import dev.cuegate.proto.job.LayerGetLayerResponse;
import dev.cuegate.proto.job.LayerGetOutputPathsRequest;
import dev.cuegate.proto.job.LayerGetOutputPathsResponse;
import dev.cuegate.proto.job.LayerGetWhatDependsOnThisRequest;
import dev.cuegate.proto.job.LayerGetWhatDependsOnThisResponse;
import dev.cuegate.proto.job.LayerGetWhatThisDependsOnRequest;
import dev.cuegate.proto.job.LayerGetWhatThisDependsOnResponse;
import dev.cuegate.proto.job.LayerInterfaceGrpc;
import dev.cuegate.proto.job.LayerKillFramesRequest;
import dev.cuegate.proto.job.LayerKillFramesResponse;
import dev.cuegate.proto.job.LayerRetryFramesRequest;
import dev.cuegate.proto.job.LayerRetryFramesResponse;
import dev.cuegate.proto.job.LayerSetTagsRequest;
import dev.cuegate.proto.job.LayerSetTagsResponse;
import dev.cuegate.proto.job.LayerSetMinCoresRequest;
import dev.cuegate.proto.job.LayerSetMinCoresResponse;
import dev.cuegate.proto.job.LayerSetMinMemoryRequest;
import dev.cuegate.proto.job.LayerSetMinMemoryResponse;
import dev.cuegate.proto.job.LayerSetMinGpuMemoryRequest;
import dev.cuegate.proto.job.LayerSetMinGpuMemoryResponse;
import dev.cuegate.proto.job.LayerSetThreadableRequest;
import dev.cuegate.proto.job.LayerSetThreadableResponse;
import dev.cuegate.proto.job.LayerSetStartAfterRequest;
import dev.cuegate.proto.job.LayerSetStartAfterResponse;
import dev.cuegate.proto.job.LayerReorderFramesRequest;
import dev.cuegate.proto.job.LayerReorderFramesResponse;
import dev.cuegate.proto.job.LayerStaggerFramesRequest;
import dev.cuegate.proto.job.LayerStaggerFramesResponse;
import dev.cuegate.proto.job.LayerAddLimitRequest;
import dev.cuegate.proto.job.LayerAddLimitResponse;
import dev.cuegate.proto.job.LayerDropLimitRequest;
import dev.cuegate.proto.job.LayerDropLimitResponse;
import dev.cuegate.proto.job.LayerGetLimitsRequest;
import dev.cuegate.proto.job.LayerGetLimitsResponse;
import dev.cuegate.proto.job.LayerCreateDependOnJobRequest;
import dev.cuegate.proto.job.LayerCreateDependOnJobResponse;
import dev.cuegate.proto.job.LayerCreateDependOnLayerRequest;
import dev.cuegate.proto.job.LayerCreateDependOnLayerResponse;
import dev.cuegate.proto.job.LayerCreateDependOnFrameRequest;
import dev.cuegate.proto.job.LayerCreateDependOnFrameResponse;
import dev.cuegate.proto.job.LayerCreateFrameByFrameDependRequest;
import dev.cuegate.proto.job.LayerCreateFrameByFrameDependResponse;
import dev.cuegate.proto.job.LayerDropDependsRequest;
import dev.cuegate.proto.job.LayerDropDependsResponse;
import dev.cuegate.proto.job.LayerMarkdoneFramesRequest;
import dev.cuegate.proto.job.LayerMarkdoneFramesResponse;
import io.grpc.stub.StreamObserver;

/** {@code job.LayerInterface}: one layer and its frames. */
final class LayerService extends LayerInterfaceGrpc.LayerInterfaceImplBase {
  private final FarmStore store;
  private final SchedulingStore scheduling;
  private final LimitStore limits;
  private final DependCalls depends;

  LayerService(FarmStore store) {
    this.store = store;
    this.scheduling = SchedulingStore.of(store);
    this.limits = LimitStore.of(store);
    this.depends = new DependCalls(store);
  }

  @Override
  public void getLayer(LayerGetLayerRequest request,
      StreamObserver<LayerGetLayerResponse> observer) {
    Calls.answer(observer, () -> LayerGetLayerResponse.newBuilder()
        .setLayer(Protos.layer(store.layer(request.getId()))).build());
  }

  @Override
  public void findLayer(LayerFindLayerRequest request,
      StreamObserver<LayerFindLayerResponse> observer) {
    Calls.answer(observer, () -> LayerFindLayerResponse.newBuilder()
        .setLayer(Protos.layer(store.findLayer(request.getJob(), request.getLayer()))).build());
  }

  @Override
  public void getFrames(LayerGetFramesRequest request,
      StreamObserver<LayerGetFramesResponse> observer) {
    Calls.answer(observer, () -> {
      FrameSeq.Builder frames = FrameSeq.newBuilder();
      store.layerFrames(Calls.layerId(request.getLayer()), Calls.frameQuery(request.getS()))
          .forEach(frame -> frames.addFrames(Protos.frame(frame)));
      return LayerGetFramesResponse.newBuilder().setFrames(frames).build();
    });
  }

  @Override
  public void killFrames(LayerKillFramesRequest request,
      StreamObserver<LayerKillFramesResponse> observer) {
    Calls.answer(observer, () -> {
      store.changeLayerFrames(Calls.layerId(request.getLayer()), FrameChange.KILL);
      return LayerKillFramesResponse.getDefaultInstance();
    });
  }

  @Override
  public void retryFrames(LayerRetryFramesRequest request,
      StreamObserver<LayerRetryFramesResponse> observer) {
    Calls.answer(observer, () -> {
      store.changeLayerFrames(Calls.layerId(request.getLayer()), FrameChange.RETRY);
      return LayerRetryFramesResponse.getDefaultInstance();
    });
  }

  @Override
  public void eatFrames(LayerEatFramesRequest request,
      StreamObserver<LayerEatFramesResponse> observer) {
    Calls.answer(observer, () -> {
      store.changeLayerFrames(Calls.layerId(request.getLayer()), FrameChange.EAT);
      return LayerEatFramesResponse.getDefaultInstance();
    });
  }

  @Override
  public void getWhatThisDependsOn(LayerGetWhatThisDependsOnRequest request,
      StreamObserver<LayerGetWhatThisDependsOnResponse> observer) {
    Calls.answer(observer, () -> LayerGetWhatThisDependsOnResponse.newBuilder()
        .setDepends(Protos.depends(store.dependsOfLayer(Calls.layerId(request.getLayer()))))
        .build());
  }

  @Override
  public void getWhatDependsOnThis(LayerGetWhatDependsOnThisRequest request,
      StreamObserver<LayerGetWhatDependsOnThisResponse> observer) {
    Calls.answer(observer, () -> LayerGetWhatDependsOnThisResponse.newBuilder()
        .setDepends(Protos.depends(store.dependsOnLayer(Calls.layerId(request.getLayer()))))
        .build());
  }

  @Override
  public void createDependencyOnJob(LayerCreateDependOnJobRequest request,
      StreamObserver<LayerCreateDependOnJobResponse> observer) {
    Calls.answer(observer, () -> LayerCreateDependOnJobResponse.newBuilder()
        .setDepend(depends.create(DependCalls.layer("layer", request.getLayer()),
            depends.job("job", request.getJob())))
        .build());
  }

  @Override
  public void createDependencyOnLayer(LayerCreateDependOnLayerRequest request,
      StreamObserver<LayerCreateDependOnLayerResponse> observer) {
    Calls.answer(observer, () -> LayerCreateDependOnLayerResponse.newBuilder()
        .setDepend(depends.create(DependCalls.layer("layer", request.getLayer()),
            DependCalls.layer("depend_on_layer", request.getDependOnLayer())))
        .build());
  }

  @Override
  public void createDependencyOnFrame(LayerCreateDependOnFrameRequest request,
      StreamObserver<LayerCreateDependOnFrameResponse> observer) {
    Calls.answer(observer, () -> LayerCreateDependOnFrameResponse.newBuilder()
        .setDepend(depends.create(DependCalls.layer("layer", request.getLayer()),
            DependCalls.frame("frame", request.getFrame())))
        .build());
  }

  /**
   * Each frame waits for the frame of {@code depend_layer} that renders its number. The answer
   * is the first frame's dependency (none when no frame had to wait); {@code any_frame} means
   * nothing for this type.
   */
  @Override
  public void createFrameByFrameDependency(LayerCreateFrameByFrameDependRequest request,
      StreamObserver<LayerCreateFrameByFrameDependResponse> observer) {
    Calls.answer(observer, () -> {
      LayerCreateFrameByFrameDependResponse.Builder reply =
          LayerCreateFrameByFrameDependResponse.newBuilder();
      depends.actions().createFrameByFrame(
              RequiredIds.of("layer", request.getLayer().getId()),
              RequiredIds.of("depend_layer", request.getDependLayer().getId()))
          .ifPresent(row -> reply.setDepend(DependCalls.depend(row)));
      return reply.build();
    });
  }

  @Override
  public void dropDepends(LayerDropDependsRequest request,
      StreamObserver<LayerDropDependsResponse> observer) {
    Calls.answer(observer, () -> {
      depends.actions().dropLayerDepends(Calls.layerId(request.getLayer()), request.getTarget());
      return LayerDropDependsResponse.getDefaultInstance();
    });
  }

  /** As Cuebot: what waits on the layer or its frames is released; frames keep their state. */
  @Override
  public void markdoneFrames(LayerMarkdoneFramesRequest request,
      StreamObserver<LayerMarkdoneFramesResponse> observer) {
    Calls.answer(observer, () -> {
      depends.actions().markDoneLayer(Calls.layerId(request.getLayer()));
      return LayerMarkdoneFramesResponse.getDefaultInstance();
    });
  }

  /** Nothing registers output paths on the embedded farm: the list is always empty. */
  @Override
  public void getOutputPaths(LayerGetOutputPathsRequest request,
      StreamObserver<LayerGetOutputPathsResponse> observer) {
    Calls.answer(observer, () -> {
      store.layer(Calls.layerId(request.getLayer()));
      return LayerGetOutputPathsResponse.getDefaultInstance();
    });
  }

  /** The tags replace the layer's; only workers with one of them take its frames. */
  @Override
  public void setTags(LayerSetTagsRequest request, StreamObserver<LayerSetTagsResponse> observer) {
    Calls.answer(observer, () -> {
      String layerId = Calls.layerId(request.getLayer());
      store.setLayerTags(layerId, TagNames.layerTags(request.getTagsList()));
      return LayerSetTagsResponse.getDefaultInstance();
    });
  }

  // Scheduling: what the farm's dispatch reads (docs/EMBEDDED-FARM.md, "Scheduling").

  @Override
  public void setMinCores(LayerSetMinCoresRequest request,
      StreamObserver<LayerSetMinCoresResponse> observer) {
    Calls.answer(observer, () -> {
      scheduling.setLayerMinCores(Calls.layerId(request.getLayer()), request.getCores());
      return LayerSetMinCoresResponse.getDefaultInstance();
    });
  }

  @Override
  public void setMinMemory(LayerSetMinMemoryRequest request,
      StreamObserver<LayerSetMinMemoryResponse> observer) {
    Calls.answer(observer, () -> {
      scheduling.setLayerMinMemory(Calls.layerId(request.getLayer()), request.getMemory());
      return LayerSetMinMemoryResponse.getDefaultInstance();
    });
  }

  @Override
  public void setMinGpuMemory(LayerSetMinGpuMemoryRequest request,
      StreamObserver<LayerSetMinGpuMemoryResponse> observer) {
    Calls.answer(observer, () -> {
      scheduling.setLayerMinGpuMemory(Calls.layerId(request.getLayer()),
          request.getGpuMemory());
      return LayerSetMinGpuMemoryResponse.getDefaultInstance();
    });
  }

  @Override
  public void setThreadable(LayerSetThreadableRequest request,
      StreamObserver<LayerSetThreadableResponse> observer) {
    Calls.answer(observer, () -> {
      scheduling.setLayerThreadable(Calls.layerId(request.getLayer()), request.getThreadable());
      return LayerSetThreadableResponse.getDefaultInstance();
    });
  }

  @Override
  public void setStartAfter(LayerSetStartAfterRequest request,
      StreamObserver<LayerSetStartAfterResponse> observer) {
    Calls.answer(observer, () -> {
      scheduling.setLayerStartAfter(Calls.layerId(request.getLayer()), request.getStartAfter());
      return LayerSetStartAfterResponse.getDefaultInstance();
    });
  }

  @Override
  public void reorderFrames(LayerReorderFramesRequest request,
      StreamObserver<LayerReorderFramesResponse> observer) {
    Calls.answer(observer, () -> {
      scheduling.reorderLayerFrames(Calls.layerId(request.getLayer()), request.getRange(),
          request.getOrder());
      return LayerReorderFramesResponse.getDefaultInstance();
    });
  }

  @Override
  public void staggerFrames(LayerStaggerFramesRequest request,
      StreamObserver<LayerStaggerFramesResponse> observer) {
    Calls.answer(observer, () -> {
      scheduling.staggerLayerFrames(Calls.layerId(request.getLayer()), request.getRange(),
          request.getStagger());
      return LayerStaggerFramesResponse.getDefaultInstance();
    });
  }

  @Override
  public void addLimit(LayerAddLimitRequest request,
      StreamObserver<LayerAddLimitResponse> observer) {
    Calls.answer(observer, () -> {
      limits.addToLayer(Calls.layerId(request.getLayer()), limitId(request.getLimitId()));
      return LayerAddLimitResponse.getDefaultInstance();
    });
  }

  @Override
  public void dropLimit(LayerDropLimitRequest request,
      StreamObserver<LayerDropLimitResponse> observer) {
    Calls.answer(observer, () -> {
      limits.dropFromLayer(Calls.layerId(request.getLayer()), limitId(request.getLimitId()));
      return LayerDropLimitResponse.getDefaultInstance();
    });
  }

  @Override
  public void getLimits(LayerGetLimitsRequest request,
      StreamObserver<LayerGetLimitsResponse> observer) {
    Calls.answer(observer, () -> {
      LayerGetLimitsResponse.Builder reply = LayerGetLimitsResponse.newBuilder();
      limits.ofLayer(Calls.layerId(request.getLayer()))
          .forEach(limit -> reply.addLimits(SchedulingProtos.limit(limit)));
      return reply.build();
    });
  }

  private static String limitId(String id) {
    if (id.isEmpty()) {
      throw new FarmException(FarmException.Kind.INVALID_ARGUMENT, "limit_id: give the limit's id");
    }
    return id;
  }
}
