package dev.cuegate.bridge;

import dev.cuegate.config.GatewayConfig;
import dev.cuegate.config.GoDuration;
import dev.cuegate.farm.EmbeddedFarm;
import dev.cuegate.farm.store.Sql;
import java.sql.Connection;
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

  private record Overdue(String frameId, String frameName, String jobId, String jobName) {}

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
      Connection c = tx.connection();
      List<Overdue> overdue = Sql.list(c, "SELECT b.frame_id, f.name, f.job_id, j.name"
              + " FROM bridge_frame b JOIN frame f ON f.id = b.frame_id"
              + " JOIN job j ON j.id = f.job_id"
              + " WHERE b.state = ? AND f.state = 'WAITING' AND b.launched < ?",
          row -> new Overdue(row.getString(1), row.getString(2), row.getString(3),
              row.getString(4)),
          BridgeFrames.RUNNING, launchedBefore);
      if (overdue.isEmpty()) {
        return 0;
      }
      BridgeFrames.Capacity capacity =
          workers.capacity(c, config.workerCores(), config.workerMemoryMb());
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
