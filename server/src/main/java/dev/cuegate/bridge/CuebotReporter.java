package dev.cuegate.bridge;

import dev.cuegate.config.GatewayConfig;
import dev.cuegate.proto.report.RqdReportInterfaceGrpc;
import dev.cuegate.proto.report.RqdReportRqdStartupRequest;
import dev.cuegate.proto.report.RqdReportRunningFrameCompletionRequest;
import dev.cuegate.proto.report.RqdReportStatusRequest;
import dev.cuegate.proto.rqd.RunFrame;
import dev.cuegate.db.StoreException;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells Cuebot what the host is and does: a boot report first (and again when idle with another
 * capacity, or when asked), a status report every interval and right after completions, and each
 * completion until Cuebot took it. While Cuebot is unreachable the reports back off; frames go on.
 */
final class CuebotReporter {
  private static final Logger log = LoggerFactory.getLogger(CuebotReporter.class);
  /** Cuebot answers reports at once (it queues them); this bounds a hung connection. */
  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private static final Duration FIRST_RETRY = Duration.ofMillis(500);

  private final Channel cuebot;
  private final BridgeFrames frames;
  private final StrandedFrames stranded;
  private final HostShape shape;
  private final HostControl control;
  private final GatewayConfig.Bridge config;
  private final Clock clock;
  private BridgeFrames.Capacity announced;
  /** The signed-on workers of other task types last warned about. */
  private int leftOut;
  private long nextStatusMillis;
  private long retryAtMillis;
  private int failures;

  CuebotReporter(Channel cuebot, BridgeFrames frames, StrandedFrames stranded, HostShape shape,
      HostControl control, GatewayConfig.Bridge config, Clock clock) {
    this.cuebot = cuebot;
    this.frames = frames;
    this.stranded = stranded;
    this.shape = shape;
    this.control = control;
    this.config = config;
    this.clock = clock;
  }

  /** One round of whatever is due; the schedule calls it often, tests call it directly. */
  synchronized void tick() {
    long now = clock.millis();
    if (now < retryAtMillis) {
      return;
    }
    try {
      report(now);
      if (failures > 0) {
        log.info("bridge: Cuebot takes reports again after {} failed attempts", failures);
      }
      failures = 0;
      retryAtMillis = 0;
    } catch (StatusRuntimeException e) {
      failures++;
      nextStatusMillis = 0;
      long delay = Math.min(config.reportInterval().toMillis(),
          FIRST_RETRY.toMillis() << Math.min(failures - 1, 10));
      retryAtMillis = now + delay;
      if (failures == 1) {
        log.warn("bridge: Cuebot did not take a report ({}: {}); retrying with backoff, frames"
            + " keep running", e.getStatus().getCode(), e.getStatus().getDescription());
      } else {
        log.debug("bridge: report attempt {} failed: {}", failures, e.getStatus().getCode());
      }
    } catch (StoreException e) {
      log.error("bridge: cannot read the bridge's frames", e);
    }
  }

  private void report(long now) {
    // Handed back before the completions are read, so that Cuebot hears of them in this round.
    stranded.endOverdue();
    BridgeFrames.Capacity capacity =
        frames.capacity(config.workerCores(), config.workerMemoryMb());
    List<RunFrame> running = frames.running();
    if (capacity.others() != leftOut) {
      leftOut = capacity.others();
      if (leftOut > 0) {
        log.warn("bridge: {} signed-on workers do not accept the bridge's task type and are"
            + " left out of the host (docs/OPENCUE-BRIDGE.md)", leftOut);
      }
    }
    boolean reshaped = announced == null
        || capacity.cores() != announced.cores()
        || capacity.memoryMb() != announced.memoryMb();
    // Cuebot changes a host's capacity only from a boot report while the host runs nothing.
    if (announced == null || control.takeBoot() || (reshaped && running.isEmpty())) {
      stub().reportRqdStartup(RqdReportRqdStartupRequest.newBuilder()
          .setBootReport(shape.boot(capacity, control.locked(), running))
          .build());
      log.info("bridge: announced host {} to Cuebot with {} cores and {} MB from {} workers",
          shape.name(), capacity.cores(), capacity.memoryMb(), capacity.workers());
      announced = capacity;
      nextStatusMillis = now;
    }
    boolean delivered = false;
    for (BridgeFrames.Completion completion : frames.completions()) {
      stub().reportRunningFrameCompletion(RqdReportRunningFrameCompletionRequest.newBuilder()
          .setFrameCompleteReport(shape.completion(capacity, completion))
          .build());
      frames.delivered(completion);
      log.info("bridge: frame {} of {} ended with exit status {} signal {}",
          completion.frame().getFrameName(), completion.frame().getJobName(),
          completion.exitStatus(), completion.exitSignal());
      delivered = true;
    }
    // A status report is Cuebot's only chance to book frames: one after each completion.
    if (delivered || control.takeStatus() || now >= nextStatusMillis) {
      stub().reportStatus(RqdReportStatusRequest.newBuilder()
          .setHostReport(shape.status(capacity, control.locked(), frames.running()))
          .build());
      nextStatusMillis = now + config.reportInterval().toMillis();
    }
  }

  private RqdReportInterfaceGrpc.RqdReportInterfaceBlockingStub stub() {
    return RqdReportInterfaceGrpc.newBlockingStub(cuebot)
        .withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
  }
}
