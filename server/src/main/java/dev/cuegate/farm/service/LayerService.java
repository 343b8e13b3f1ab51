package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmStore;
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
  private final DependCalls depends;

  LayerService(FarmStore store) {
    this.store = store;
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
}
