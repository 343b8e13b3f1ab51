package dev.cuegate.bridge;

import dev.cuegate.config.GatewayConfig;
import dev.cuegate.config.GoDuration;
import dev.cuegate.db.Sql;
import dev.cuegate.farm.EmbeddedFarm;
import dev.cuegate.farm.store.FrameRow;
import dev.cuegate.proto.job.FrameState;
import java.util.ArrayList;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands back to Cuebot the frames it launched here that no worker took within
 * {@code RQD_FRAME_TAKE_TIMEOUT}: Cuebot counts such a frame as running on the host, so without
 * this it would wait for a worker that may never come while the job makes no progress.
 */
final class StrandedFrames {
  private static final Logger log = LoggerFactory.getLogger(StrandedFrames.class);
  /**
   * OpenCue's {@code FrameExitStatus.SKIP_RETRY}: Cuebot puts the frame back to WAITING whatever
   * its retries, and does not count the attempt as one (docs/OPENCUE-BRIDGE.md).
   */
  static final int HANDED_BACK_EXIT_STATUS = 286;

  private record Overdue(String frameId, String frameName, String jobName) {}

  private final EmbeddedFarm farm;
  private final BridgeWorkers workers;
  private final GatewayConfig.Bridge config;
  private final Duration timeout;
  private final Clock clock;

  StrandedFrames(EmbeddedFarm farm, BridgeWorkers workers, GatewayConfig.Bridge config,
      Clock clock) {
    this.farm = farm;
    this.workers = workers;
    this.config = config;
    this.timeout = config.frameTakeTimeout();
    this.clock = clock;
  }

  /** Ends every frame launched longer than the timeout ago that still waits; answers how many. */
  int endOverdue() {
    long launchedBefore = clock.millis() - timeout.toMillis();
    return farm.transaction(tx -> {
      List<Overdue> overdue = new ArrayList<>();
      for (String frameId : Sql.list(tx.transaction(), "SELECT frame_id FROM bridge_frame"
              + " WHERE state = ? AND launched < ? ORDER BY launched",
          row -> row.getString(1), BridgeFrames.RUNNING, launchedBefore)) {
        FrameRow frame = tx.frame(frameId);
        if (frame.state() == FrameState.WAITING) {
          overdue.add(new Overdue(frameId, frame.name(), tx.job(frame.jobId()).name()));
        }
      }
      if (overdue.isEmpty()) {
        return 0;
      }
      BridgeFrames.Capacity capacity =
          workers.capacity(tx, config.workerCores(), config.workerMemoryMb());
      String reason = capacity.workers() == 0
          ? "no signed-on worker accepts task type \"" + workers.taskType() + "\""
              + (capacity.others() > 0 ? " (" + capacity.others() + " signed-on workers accept"
                  + " only other task types)" : "")
          : capacity.workers() + " workers accept task type \"" + workers.taskType()
              + "\" but none asked for it";
      for (Overdue frame : overdue) {
        tx.endExternal(frame.frameId(), HANDED_BACK_EXIT_STATUS, 0);
        log.warn("bridge: no worker took frame {} of {} within {}: {}; handed back to Cuebot"
                + " with exit status {}, which queues it again without using a retry",
            frame.frameName(), frame.jobName(), GoDuration.format(timeout), reason,
            HANDED_BACK_EXIT_STATUS);
      }
      return overdue.size();
    });
  }
}
