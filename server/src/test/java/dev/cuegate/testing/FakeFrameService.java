package dev.cuegate.testing;

import static dev.cuegate.testing.Replies.reply;

import dev.cuegate.proto.depend.DependSeq;
import dev.cuegate.proto.job.Frame;
import dev.cuegate.proto.job.FrameEatRequest;
import dev.cuegate.proto.job.FrameEatResponse;
import dev.cuegate.proto.job.FrameFindFrameRequest;
import dev.cuegate.proto.job.FrameFindFrameResponse;
import dev.cuegate.proto.job.FrameGetFrameRequest;
import dev.cuegate.proto.job.FrameGetFrameResponse;
import dev.cuegate.proto.job.FrameGetFramesRequest;
import dev.cuegate.proto.job.FrameGetFramesResponse;
import dev.cuegate.proto.job.FrameGetWhatDependsOnThisRequest;
import dev.cuegate.proto.job.FrameGetWhatDependsOnThisResponse;
import dev.cuegate.proto.job.FrameGetWhatThisDependsOnRequest;
import dev.cuegate.proto.job.FrameGetWhatThisDependsOnResponse;
import dev.cuegate.proto.job.FrameInterfaceGrpc;
import dev.cuegate.proto.job.FrameKillRequest;
import dev.cuegate.proto.job.FrameKillResponse;
import dev.cuegate.proto.job.FrameRetryRequest;
import dev.cuegate.proto.job.FrameRetryResponse;
import dev.cuegate.proto.job.FrameSeq;
import dev.cuegate.proto.job.FrameState;
import io.grpc.stub.StreamObserver;
import java.util.List;

/** The fake's {@code job.FrameInterface}. */
final class FakeFrameService extends FrameInterfaceGrpc.FrameInterfaceImplBase {

  private final FarmState farm;

  FakeFrameService(FarmState farm) {
    this.farm = farm;
  }

  @Override
  public void getFrame(FrameGetFrameRequest request, StreamObserver<FrameGetFrameResponse> out) {
    reply(out, FrameGetFrameResponse.newBuilder().setFrame(farm.frame(request.getId())).build());
  }

  @Override
  public void findFrame(FrameFindFrameRequest request, StreamObserver<FrameFindFrameResponse> out) {
    Frame frame = farm.findFrame(request.getJob(), request.getLayer(), request.getFrame());
    reply(out, FrameFindFrameResponse.newBuilder().setFrame(frame).build());
  }

  @Override
  public void getFrames(FrameGetFramesRequest request, StreamObserver<FrameGetFramesResponse> out) {
    String jobId = farm.jobByIdOrName(request.getJob()).getId();
    List<Frame> page = FrameCriteria.page(farm.frames(jobId), request.getR());
    reply(
        out,
        FrameGetFramesResponse.newBuilder()
            .setFrames(FrameSeq.newBuilder().addAllFrames(page))
            .build());
  }

  @Override
  public void retry(FrameRetryRequest request, StreamObserver<FrameRetryResponse> out) {
    Frame frame = farm.frame(request.getFrame());
    if (frame.getState() != FrameState.RUNNING) {
      farm.setFrameStates(List.of(frame), FrameState.WAITING);
    }
    reply(out, FrameRetryResponse.getDefaultInstance());
  }

  @Override
  public void kill(FrameKillRequest request, StreamObserver<FrameKillResponse> out) {
    Frame frame = farm.frame(request.getFrame());
    if (frame.getState() == FrameState.RUNNING) {
      farm.setFrameStates(List.of(frame), FrameState.WAITING);
    }
    reply(out, FrameKillResponse.getDefaultInstance());
  }

  @Override
  public void eat(FrameEatRequest request, StreamObserver<FrameEatResponse> out) {
    Frame frame = farm.frame(request.getFrame());
    if (frame.getState() != FrameState.SUCCEEDED) {
      farm.setFrameStates(List.of(frame), FrameState.EATEN);
    }
    reply(out, FrameEatResponse.getDefaultInstance());
  }

  @Override
  public void getWhatDependsOnThis(
      FrameGetWhatDependsOnThisRequest request,
      StreamObserver<FrameGetWhatDependsOnThisResponse> out) {
    farm.frame(request.getFrame());
    reply(
        out,
        FrameGetWhatDependsOnThisResponse.newBuilder()
            .setDepends(DependSeq.getDefaultInstance())
            .build());
  }

  @Override
  public void getWhatThisDependsOn(
      FrameGetWhatThisDependsOnRequest request,
      StreamObserver<FrameGetWhatThisDependsOnResponse> out) {
    farm.frame(request.getFrame());
    reply(
        out,
        FrameGetWhatThisDependsOnResponse.newBuilder()
            .setDepends(DependSeq.getDefaultInstance())
            .build());
  }
}
