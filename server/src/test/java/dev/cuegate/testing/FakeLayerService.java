package dev.cuegate.testing;

import static dev.cuegate.testing.Replies.reply;
import static dev.cuegate.testing.Replies.requireNonNegative;

import dev.cuegate.proto.depend.DependSeq;
import dev.cuegate.proto.job.Frame;
import dev.cuegate.proto.job.FrameSeq;
import dev.cuegate.proto.job.FrameState;
import dev.cuegate.proto.job.Layer;
import dev.cuegate.proto.job.LayerEatFramesRequest;
import dev.cuegate.proto.job.LayerEatFramesResponse;
import dev.cuegate.proto.job.LayerFindLayerRequest;
import dev.cuegate.proto.job.LayerFindLayerResponse;
import dev.cuegate.proto.job.LayerGetFramesRequest;
import dev.cuegate.proto.job.LayerGetFramesResponse;
import dev.cuegate.proto.job.LayerGetLayerRequest;
import dev.cuegate.proto.job.LayerGetLayerResponse;
import dev.cuegate.proto.job.LayerGetWhatDependsOnThisRequest;
import dev.cuegate.proto.job.LayerGetWhatDependsOnThisResponse;
import dev.cuegate.proto.job.LayerGetWhatThisDependsOnRequest;
import dev.cuegate.proto.job.LayerGetWhatThisDependsOnResponse;
import dev.cuegate.proto.job.LayerInterfaceGrpc;
import dev.cuegate.proto.job.LayerKillFramesRequest;
import dev.cuegate.proto.job.LayerKillFramesResponse;
import dev.cuegate.proto.job.LayerRetryFramesRequest;
import dev.cuegate.proto.job.LayerRetryFramesResponse;
import dev.cuegate.proto.job.LayerSetMaxCoresRequest;
import dev.cuegate.proto.job.LayerSetMaxCoresResponse;
import dev.cuegate.proto.job.LayerSetMinCoresRequest;
import dev.cuegate.proto.job.LayerSetMinCoresResponse;
import dev.cuegate.proto.job.LayerSetMinMemoryRequest;
import dev.cuegate.proto.job.LayerSetMinMemoryResponse;
import dev.cuegate.proto.job.LayerSetTagsRequest;
import dev.cuegate.proto.job.LayerSetTagsResponse;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.function.Predicate;

/** The fake's {@code job.LayerInterface}. */
final class FakeLayerService extends LayerInterfaceGrpc.LayerInterfaceImplBase {

  private final FarmState farm;

  FakeLayerService(FarmState farm) {
    this.farm = farm;
  }

  private String layerId(Layer ref) {
    return farm.layer(ref).getId();
  }

  private List<Frame> frames(Layer ref, Predicate<Frame> test) {
    return farm.layerFrames(layerId(ref)).stream().filter(test).toList();
  }

  @Override
  public void getLayer(LayerGetLayerRequest request, StreamObserver<LayerGetLayerResponse> out) {
    reply(out, LayerGetLayerResponse.newBuilder().setLayer(farm.layer(request.getId())).build());
  }

  @Override
  public void findLayer(LayerFindLayerRequest request, StreamObserver<LayerFindLayerResponse> out) {
    Layer layer = farm.findLayer(request.getJob(), request.getLayer());
    reply(out, LayerFindLayerResponse.newBuilder().setLayer(layer).build());
  }

  @Override
  public void getFrames(LayerGetFramesRequest request, StreamObserver<LayerGetFramesResponse> out) {
    List<Frame> page =
        FrameCriteria.page(farm.layerFrames(layerId(request.getLayer())), request.getS());
    reply(
        out,
        LayerGetFramesResponse.newBuilder()
            .setFrames(FrameSeq.newBuilder().addAllFrames(page))
            .build());
  }

  @Override
  public void killFrames(
      LayerKillFramesRequest request, StreamObserver<LayerKillFramesResponse> out) {
    farm.setFrameStates(
        frames(request.getLayer(), f -> f.getState() == FrameState.RUNNING), FrameState.WAITING);
    reply(out, LayerKillFramesResponse.getDefaultInstance());
  }

  @Override
  public void retryFrames(
      LayerRetryFramesRequest request, StreamObserver<LayerRetryFramesResponse> out) {
    farm.setFrameStates(
        frames(request.getLayer(), f -> f.getState() != FrameState.RUNNING), FrameState.WAITING);
    reply(out, LayerRetryFramesResponse.getDefaultInstance());
  }

  @Override
  public void eatFrames(LayerEatFramesRequest request, StreamObserver<LayerEatFramesResponse> out) {
    farm.setFrameStates(
        frames(request.getLayer(), f -> f.getState() != FrameState.SUCCEEDED), FrameState.EATEN);
    reply(out, LayerEatFramesResponse.getDefaultInstance());
  }

  @Override
  public void setMinCores(
      LayerSetMinCoresRequest request, StreamObserver<LayerSetMinCoresResponse> out) {
    requireNonNegative(request.getCores(), "cores");
    farm.updateLayer(layerId(request.getLayer()), l -> l.setMinCores(request.getCores()));
    reply(out, LayerSetMinCoresResponse.getDefaultInstance());
  }

  @Override
  public void setMaxCores(
      LayerSetMaxCoresRequest request, StreamObserver<LayerSetMaxCoresResponse> out) {
    requireNonNegative(request.getCores(), "cores");
    farm.updateLayer(layerId(request.getLayer()), l -> l.setMaxCores(request.getCores()));
    reply(out, LayerSetMaxCoresResponse.getDefaultInstance());
  }

  @Override
  public void setMinMemory(
      LayerSetMinMemoryRequest request, StreamObserver<LayerSetMinMemoryResponse> out) {
    requireNonNegative(request.getMemory(), "memory");
    farm.updateLayer(layerId(request.getLayer()), l -> l.setMinMemory(request.getMemory()));
    reply(out, LayerSetMinMemoryResponse.getDefaultInstance());
  }

  @Override
  public void setTags(LayerSetTagsRequest request, StreamObserver<LayerSetTagsResponse> out) {
    if (request.getTagsCount() == 0) {
      throw FarmState.invalid("a layer needs at least one tag");
    }
    farm.updateLayer(
        layerId(request.getLayer()), l -> l.clearTags().addAllTags(request.getTagsList()));
    reply(out, LayerSetTagsResponse.getDefaultInstance());
  }

  @Override
  public void getWhatDependsOnThis(
      LayerGetWhatDependsOnThisRequest request,
      StreamObserver<LayerGetWhatDependsOnThisResponse> out) {
    layerId(request.getLayer());
    reply(
        out,
        LayerGetWhatDependsOnThisResponse.newBuilder()
            .setDepends(DependSeq.getDefaultInstance())
            .build());
  }

  @Override
  public void getWhatThisDependsOn(
      LayerGetWhatThisDependsOnRequest request,
      StreamObserver<LayerGetWhatThisDependsOnResponse> out) {
    layerId(request.getLayer());
    reply(
        out,
        LayerGetWhatThisDependsOnResponse.newBuilder()
            .setDepends(DependSeq.getDefaultInstance())
            .build());
  }
}
