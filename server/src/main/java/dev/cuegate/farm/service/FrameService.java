package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmException;
import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.FrameChange;
import dev.cuegate.proto.job.Frame;
import dev.cuegate.proto.job.FrameEatRequest;
import dev.cuegate.proto.job.FrameEatResponse;
import dev.cuegate.proto.job.FrameGetFrameRequest;
import dev.cuegate.proto.job.FrameGetFrameResponse;
import dev.cuegate.proto.job.FrameGetWhatDependsOnThisRequest;
import dev.cuegate.proto.job.FrameGetWhatDependsOnThisResponse;
import dev.cuegate.proto.job.FrameGetWhatThisDependsOnRequest;
import dev.cuegate.proto.job.FrameGetWhatThisDependsOnResponse;
import dev.cuegate.proto.job.FrameInterfaceGrpc;
import dev.cuegate.proto.job.FrameMarkAsWaitingRequest;
import dev.cuegate.proto.job.FrameMarkAsWaitingResponse;
import dev.cuegate.proto.job.FrameKillRequest;
import dev.cuegate.proto.job.FrameKillResponse;
import dev.cuegate.proto.job.FrameRetryRequest;
import dev.cuegate.proto.job.FrameRetryResponse;
import dev.cuegate.proto.job.FrameCreateDependencyOnJobRequest;
import dev.cuegate.proto.job.FrameCreateDependencyOnJobResponse;
import dev.cuegate.proto.job.FrameCreateDependencyOnLayerRequest;
import dev.cuegate.proto.job.FrameCreateDependencyOnLayerResponse;
import dev.cuegate.proto.job.FrameCreateDependencyOnFrameRequest;
import dev.cuegate.proto.job.FrameCreateDependencyOnFrameResponse;
import dev.cuegate.proto.job.FrameDropDependsRequest;
import dev.cuegate.proto.job.FrameDropDependsResponse;
import io.grpc.stub.StreamObserver;

/** {@code job.FrameInterface}: one frame. */
final class FrameService extends FrameInterfaceGrpc.FrameInterfaceImplBase {
  private final FarmStore store;
  private final DependCalls depends;

  FrameService(FarmStore store) {
    this.store = store;
    this.depends = new DependCalls(store);
  }

  @Override
  public void getFrame(FrameGetFrameRequest request,
      StreamObserver<FrameGetFrameResponse> observer) {
    Calls.answer(observer, () -> FrameGetFrameResponse.newBuilder()
        .setFrame(Protos.frame(store.frame(request.getId()))).build());
  }

  @Override
  public void retry(FrameRetryRequest request, StreamObserver<FrameRetryResponse> observer) {
    Calls.answer(observer, () -> {
      store.changeFrame(frameId(request.getFrame()), FrameChange.RETRY);
      return FrameRetryResponse.getDefaultInstance();
    });
  }

  @Override
  public void kill(FrameKillRequest request, StreamObserver<FrameKillResponse> observer) {
    Calls.answer(observer, () -> {
      store.changeFrame(frameId(request.getFrame()), FrameChange.KILL);
      return FrameKillResponse.getDefaultInstance();
    });
  }

  @Override
  public void eat(FrameEatRequest request, StreamObserver<FrameEatResponse> observer) {
    Calls.answer(observer, () -> {
      store.changeFrame(frameId(request.getFrame()), FrameChange.EAT);
      return FrameEatResponse.getDefaultInstance();
    });
  }

  private static String frameId(Frame frame) {
    if (frame.getId().isEmpty()) {
      throw new FarmException(FarmException.Kind.INVALID_ARGUMENT, "frame: give its id");
    }
    return frame.getId();
  }

  @Override
  public void getWhatThisDependsOn(FrameGetWhatThisDependsOnRequest request,
      StreamObserver<FrameGetWhatThisDependsOnResponse> observer) {
    Calls.answer(observer, () -> FrameGetWhatThisDependsOnResponse.newBuilder()
        .setDepends(Protos.depends(store.dependsOfFrame(frameId(request.getFrame())))).build());
  }

  @Override
  public void getWhatDependsOnThis(FrameGetWhatDependsOnThisRequest request,
      StreamObserver<FrameGetWhatDependsOnThisResponse> observer) {
    Calls.answer(observer, () -> FrameGetWhatDependsOnThisResponse.newBuilder()
        .setDepends(Protos.depends(store.dependsOnFrame(frameId(request.getFrame())))).build());
  }

  @Override
  public void createDependencyOnJob(FrameCreateDependencyOnJobRequest request,
      StreamObserver<FrameCreateDependencyOnJobResponse> observer) {
    Calls.answer(observer, () -> FrameCreateDependencyOnJobResponse.newBuilder()
        .setDepend(depends.create(DependCalls.frame("frame", request.getFrame()),
            depends.job("job", request.getJob())))
        .build());
  }

  @Override
  public void createDependencyOnLayer(FrameCreateDependencyOnLayerRequest request,
      StreamObserver<FrameCreateDependencyOnLayerResponse> observer) {
    Calls.answer(observer, () -> FrameCreateDependencyOnLayerResponse.newBuilder()
        .setDepend(depends.create(DependCalls.frame("frame", request.getFrame()),
            DependCalls.layer("layer", request.getLayer())))
        .build());
  }

  @Override
  public void createDependencyOnFrame(FrameCreateDependencyOnFrameRequest request,
      StreamObserver<FrameCreateDependencyOnFrameResponse> observer) {
    Calls.answer(observer, () -> FrameCreateDependencyOnFrameResponse.newBuilder()
        .setDepend(depends.create(DependCalls.frame("frame", request.getFrame()),
            DependCalls.frame("depend_on_frame", request.getDependOnFrame())))
        .build());
  }

  /** What the frame alone waits for on {@code target} no longer holds it. */
  @Override
  public void dropDepends(FrameDropDependsRequest request,
      StreamObserver<FrameDropDependsResponse> observer) {
    Calls.answer(observer, () -> {
      depends.actions().dropFrameDepends(frameId(request.getFrame()), request.getTarget());
      return FrameDropDependsResponse.getDefaultInstance();
    });
  }

  /** A DEPEND frame waits no more for its dependencies; other frames are left as they are. */
  @Override
  public void markAsWaiting(FrameMarkAsWaitingRequest request,
      StreamObserver<FrameMarkAsWaitingResponse> observer) {
    Calls.answer(observer, () -> {
      store.changeFrame(frameId(request.getFrame()), FrameChange.MARK_WAITING);
      return FrameMarkAsWaitingResponse.getDefaultInstance();
    });
  }
}
