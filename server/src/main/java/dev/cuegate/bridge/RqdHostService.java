package dev.cuegate.bridge;

import dev.cuegate.proto.rqd.RqdInterfaceGrpc;
import dev.cuegate.proto.rqd.RqdStaticGetRunFrameRequest;
import dev.cuegate.proto.rqd.RqdStaticGetRunFrameResponse;
import dev.cuegate.proto.rqd.RqdStaticGetRunningFrameStatusRequest;
import dev.cuegate.proto.rqd.RqdStaticGetRunningFrameStatusResponse;
import dev.cuegate.proto.rqd.RqdStaticKillRunningFrameRequest;
import dev.cuegate.proto.rqd.RqdStaticKillRunningFrameResponse;
import dev.cuegate.proto.rqd.RqdStaticLaunchFrameRequest;
import dev.cuegate.proto.rqd.RqdStaticLaunchFrameResponse;
import dev.cuegate.proto.rqd.RqdStaticLockAllRequest;
import dev.cuegate.proto.rqd.RqdStaticLockAllResponse;
import dev.cuegate.proto.rqd.RqdStaticLockRequest;
import dev.cuegate.proto.rqd.RqdStaticLockResponse;
import dev.cuegate.proto.rqd.RqdStaticNimbyOffRequest;
import dev.cuegate.proto.rqd.RqdStaticNimbyOffResponse;
import dev.cuegate.proto.rqd.RqdStaticNimbyOnRequest;
import dev.cuegate.proto.rqd.RqdStaticNimbyOnResponse;
import dev.cuegate.proto.rqd.RqdStaticRebootIdleRequest;
import dev.cuegate.proto.rqd.RqdStaticRebootIdleResponse;
import dev.cuegate.proto.rqd.RqdStaticRebootNowRequest;
import dev.cuegate.proto.rqd.RqdStaticRebootNowResponse;
import dev.cuegate.proto.rqd.RqdStaticReportStatusRequest;
import dev.cuegate.proto.rqd.RqdStaticReportStatusResponse;
import dev.cuegate.proto.rqd.RqdStaticRestartIdleRequest;
import dev.cuegate.proto.rqd.RqdStaticRestartIdleResponse;
import dev.cuegate.proto.rqd.RqdStaticRestartNowRequest;
import dev.cuegate.proto.rqd.RqdStaticRestartNowResponse;
import dev.cuegate.proto.rqd.RqdStaticShutdownIdleRequest;
import dev.cuegate.proto.rqd.RqdStaticShutdownIdleResponse;
import dev.cuegate.proto.rqd.RqdStaticShutdownNowRequest;
import dev.cuegate.proto.rqd.RqdStaticShutdownNowResponse;
import dev.cuegate.proto.rqd.RqdStaticUnlockAllRequest;
import dev.cuegate.proto.rqd.RqdStaticUnlockAllResponse;
import dev.cuegate.proto.rqd.RqdStaticUnlockRequest;
import dev.cuegate.proto.rqd.RqdStaticUnlockResponse;
import dev.cuegate.proto.rqd.RunFrame;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RQD service Cuebot calls on the bridge's port: launches become stored frames for workers,
 * kills stop them, locks stop new launches. Nothing here reboots or stops the machine.
 */
final class RqdHostService extends RqdInterfaceGrpc.RqdInterfaceImplBase {
  private static final Logger log = LoggerFactory.getLogger(RqdHostService.class);

  private final BridgeFrames frames;
  private final HostControl control;
  private final HostShape shape;
  private final Supplier<BridgeFrames.Capacity> capacity;

  RqdHostService(BridgeFrames frames, HostControl control, HostShape shape,
      Supplier<BridgeFrames.Capacity> capacity) {
    this.frames = frames;
    this.control = control;
    this.shape = shape;
    this.capacity = capacity;
  }

  @Override
  public void launchFrame(RqdStaticLaunchFrameRequest request,
      StreamObserver<RqdStaticLaunchFrameResponse> observer) {
    answer(observer, () -> {
      RunFrame frame = RunFrameCheck.launchable(request.getRunFrame());
      if (control.locked()) {
        throw Status.FAILED_PRECONDITION
            .withDescription("host " + shape.name() + " is locked and takes no new frames")
            .asRuntimeException();
      }
      frames.launch(frame);
      FrameLogDirectory.prepare(frame.getLogDir());
      log.info("bridge: Cuebot launched frame {} of {} (resource {})", frame.getFrameName(),
          frame.getJobName(), frame.getResourceId());
      return RqdStaticLaunchFrameResponse.getDefaultInstance();
    });
  }

  @Override
  public void killRunningFrame(RqdStaticKillRunningFrameRequest request,
      StreamObserver<RqdStaticKillRunningFrameResponse> observer) {
    answer(observer, () -> {
      if (!frames.kill(request.getFrameId())) {
        throw notRunning(request.getFrameId());
      }
      log.info("bridge: Cuebot killed frame {}: {}", request.getFrameId(), request.getMessage());
      return RqdStaticKillRunningFrameResponse.getDefaultInstance();
    });
  }

  @Override
  public void getRunningFrameStatus(RqdStaticGetRunningFrameStatusRequest request,
      StreamObserver<RqdStaticGetRunningFrameStatusResponse> observer) {
    answer(observer, () -> RqdStaticGetRunningFrameStatusResponse.newBuilder()
        .setRunningFrameInfo(BridgeFrames.info(frames.running(request.getFrameId())
            .orElseThrow(() -> notRunning(request.getFrameId()))))
        .build());
  }

  @Override
  public void getRunFrame(RqdStaticGetRunFrameRequest request,
      StreamObserver<RqdStaticGetRunFrameResponse> observer) {
    answer(observer, () -> RqdStaticGetRunFrameResponse.newBuilder()
        .setRunFrame(frames.running(request.getFrameId())
            .orElseThrow(() -> notRunning(request.getFrameId())))
        .build());
  }

  @Override
  public void reportStatus(RqdStaticReportStatusRequest request,
      StreamObserver<RqdStaticReportStatusResponse> observer) {
    answer(observer, () -> {
      control.oweStatus();
      var running = frames.running();
      return RqdStaticReportStatusResponse.newBuilder()
          .setHostReport(shape.status(capacity.get(), control.locked(), running))
          .build();
    });
  }

  @Override
  public void lockAll(RqdStaticLockAllRequest request,
      StreamObserver<RqdStaticLockAllResponse> observer) {
    lock(true, "LockAll", observer, RqdStaticLockAllResponse.getDefaultInstance());
  }

  @Override
  public void unlockAll(RqdStaticUnlockAllRequest request,
      StreamObserver<RqdStaticUnlockAllResponse> observer) {
    lock(false, "UnlockAll", observer, RqdStaticUnlockAllResponse.getDefaultInstance());
  }

  /** A virtual host has no cores of its own to lock one by one: any lock locks it whole. */
  @Override
  public void lock(RqdStaticLockRequest request, StreamObserver<RqdStaticLockResponse> observer) {
    lock(true, "Lock", observer, RqdStaticLockResponse.getDefaultInstance());
  }

  @Override
  public void unlock(RqdStaticUnlockRequest request,
      StreamObserver<RqdStaticUnlockResponse> observer) {
    lock(false, "Unlock", observer, RqdStaticUnlockResponse.getDefaultInstance());
  }

  @Override
  public void nimbyOn(RqdStaticNimbyOnRequest request,
      StreamObserver<RqdStaticNimbyOnResponse> observer) {
    lock(true, "NimbyOn", observer, RqdStaticNimbyOnResponse.getDefaultInstance());
  }

  @Override
  public void nimbyOff(RqdStaticNimbyOffRequest request,
      StreamObserver<RqdStaticNimbyOffResponse> observer) {
    lock(false, "NimbyOff", observer, RqdStaticNimbyOffResponse.getDefaultInstance());
  }

  @Override
  public void rebootIdle(RqdStaticRebootIdleRequest request,
      StreamObserver<RqdStaticRebootIdleResponse> observer) {
    rebooted("RebootIdle", observer, RqdStaticRebootIdleResponse.getDefaultInstance());
  }

  @Override
  public void rebootNow(RqdStaticRebootNowRequest request,
      StreamObserver<RqdStaticRebootNowResponse> observer) {
    rebooted("RebootNow", observer, RqdStaticRebootNowResponse.getDefaultInstance());
  }

  @Override
  public void restartRqdIdle(RqdStaticRestartIdleRequest request,
      StreamObserver<RqdStaticRestartIdleResponse> observer) {
    rebooted("RestartRqdIdle", observer, RqdStaticRestartIdleResponse.getDefaultInstance());
  }

  @Override
  public void restartRqdNow(RqdStaticRestartNowRequest request,
      StreamObserver<RqdStaticRestartNowResponse> observer) {
    rebooted("RestartRqdNow", observer, RqdStaticRestartNowResponse.getDefaultInstance());
  }

  @Override
  public void shutdownRqdIdle(RqdStaticShutdownIdleRequest request,
      StreamObserver<RqdStaticShutdownIdleResponse> observer) {
    ignored("ShutdownRqdIdle", observer, RqdStaticShutdownIdleResponse.getDefaultInstance());
  }

  @Override
  public void shutdownRqdNow(RqdStaticShutdownNowRequest request,
      StreamObserver<RqdStaticShutdownNowResponse> observer) {
    ignored("ShutdownRqdNow", observer, RqdStaticShutdownNowResponse.getDefaultInstance());
  }

  private <T> void lock(boolean locked, String call, StreamObserver<T> observer, T reply) {
    control.lock(locked);
    log.info("bridge: {} from Cuebot: host {} {}", call, shape.name(),
        locked ? "takes no new frames" : "takes frames again");
    acknowledge(observer, reply);
  }

  /** Cuebot waits for a boot report after a reboot request; the machine itself is left alone. */
  private <T> void rebooted(String call, StreamObserver<T> observer, T reply) {
    log.warn("bridge: {} from Cuebot: this virtual host reboots nothing; announcing it again",
        call);
    control.oweBoot();
    acknowledge(observer, reply);
  }

  private <T> void ignored(String call, StreamObserver<T> observer, T reply) {
    log.warn("bridge: {} from Cuebot acknowledged and ignored: CueGate stops only when its"
        + " operator stops it", call);
    acknowledge(observer, reply);
  }

  private static <T> void acknowledge(StreamObserver<T> observer, T reply) {
    observer.onNext(reply);
    observer.onCompleted();
  }

  private static StatusRuntimeException notRunning(String frameId) {
    return Status.NOT_FOUND.withDescription("frame " + frameId + " is not running here")
        .asRuntimeException();
  }

  /** What {@code call} throws becomes the call's status in ExceptionStatusInterceptor. */
  private static <T> void answer(StreamObserver<T> observer, Supplier<T> call) {
    acknowledge(observer, call.get());
  }

}
