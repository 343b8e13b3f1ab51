package dev.cuegate.testing;

import dev.cuegate.proto.job.Frame;
import dev.cuegate.proto.job.JobStats;
import dev.cuegate.proto.job.LayerStats;
import java.util.Collection;

/** Frame counts by state, from which every stats message of the fake is derived. */
record FarmStats(
    int total,
    int waiting,
    int running,
    int dead,
    int eaten,
    int depend,
    int succeeded,
    long coreSeconds,
    long renderedCoreSeconds,
    long maxRss,
    int avgFrameSeconds,
    int highFrameSeconds,
    float reservedCores) {

  static FarmStats of(Collection<Frame> frames, float reservedCores) {
    int waiting = 0;
    int running = 0;
    int dead = 0;
    int eaten = 0;
    int depend = 0;
    int succeeded = 0;
    long coreSeconds = 0;
    long renderedCoreSeconds = 0;
    long maxRss = 0;
    long succeededSeconds = 0;
    int highFrameSeconds = 0;
    for (Frame frame : frames) {
      coreSeconds += frame.getTotalCoreTime();
      maxRss = Math.max(maxRss, frame.getMaxRss());
      switch (frame.getState()) {
        case WAITING -> waiting++;
        case RUNNING -> running++;
        case DEAD -> dead++;
        case EATEN -> eaten++;
        case DEPEND -> depend++;
        case SUCCEEDED -> {
          succeeded++;
          renderedCoreSeconds += frame.getTotalCoreTime();
          int seconds = frame.getStopTime() - frame.getStartTime();
          succeededSeconds += seconds;
          highFrameSeconds = Math.max(highFrameSeconds, seconds);
        }
        default -> {
          // SETUP and CHECKPOINT count only towards the total, as in Cuebot's views.
        }
      }
    }
    int avgFrameSeconds = succeeded == 0 ? 0 : (int) (succeededSeconds / succeeded);
    return new FarmStats(
        frames.size(),
        waiting,
        running,
        dead,
        eaten,
        depend,
        succeeded,
        coreSeconds,
        renderedCoreSeconds,
        maxRss,
        avgFrameSeconds,
        highFrameSeconds,
        reservedCores);
  }

  /** Whether nothing is left to render: every frame succeeded or was eaten. */
  boolean done() {
    return total > 0 && succeeded + eaten == total;
  }

  int pending() {
    return waiting + depend;
  }

  JobStats toJobStats(int totalLayers) {
    return JobStats.newBuilder()
        .setTotalLayers(totalLayers)
        .setTotalFrames(total)
        .setWaitingFrames(waiting)
        .setRunningFrames(running)
        .setDeadFrames(dead)
        .setEatenFrames(eaten)
        .setDependFrames(depend)
        .setSucceededFrames(succeeded)
        .setPendingFrames(pending())
        .setAvgFrameSec(avgFrameSeconds)
        .setHighFrameSec(highFrameSeconds)
        .setAvgCoreSec(avgFrameSeconds)
        .setRenderedFrameCount(succeeded)
        .setFailedFrameCount(dead)
        .setRemainingCoreSec((long) pending() * avgFrameSeconds)
        .setTotalCoreSec(coreSeconds)
        .setRenderedCoreSec(renderedCoreSeconds)
        .setFailedCoreSec(coreSeconds - renderedCoreSeconds)
        .setMaxRss(maxRss)
        .setReservedCores(reservedCores)
        .build();
  }

  LayerStats toLayerStats() {
    return LayerStats.newBuilder()
        .setTotalFrames(total)
        .setWaitingFrames(waiting)
        .setRunningFrames(running)
        .setDeadFrames(dead)
        .setEatenFrames(eaten)
        .setDependFrames(depend)
        .setSucceededFrames(succeeded)
        .setPendingFrames(pending())
        .setAvgFrameSec(avgFrameSeconds)
        .setHighFrameSec(highFrameSeconds)
        .setAvgCoreSec(avgFrameSeconds)
        .setRenderedFrameCount(succeeded)
        .setFailedFrameCount(dead)
        .setRemainingCoreSec((long) pending() * avgFrameSeconds)
        .setTotalCoreSec(coreSeconds)
        .setRenderedCoreSec(renderedCoreSeconds)
        .setFailedCoreSec(coreSeconds - renderedCoreSeconds)
        .setMaxRss(maxRss)
        .setReservedCores(reservedCores)
        .build();
  }
}
