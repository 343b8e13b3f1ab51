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
import dev.cuegate.proto.job.LayerSetTagsRequest;
import dev.cuegate.proto.job.LayerSetTagsResponse;
import io.grpc.stub.StreamObserver;

/** {@code job.LayerInterface}: one layer and its frames. */
final class LayerService extends LayerInterfaceGrpc.LayerInterfaceImplBase {
  private final FarmStore store;

  LayerService(FarmStore store) {
    this.store = store;
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
}
