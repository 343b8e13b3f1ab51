package dev.cuegate.worker;

import dev.cuegate.proto.job.FrameState;
import dev.cuegate.proto.job.JobState;

/**
 * A task's status in Flamenco's terms. Stored, it says what the worker protocol last did with the
 * task; shown, it follows its frame's OpenCue state, which operators change too.
 */
final class TaskStatuses {
  static final String QUEUED = "queued";
  static final String ACTIVE = "active";
  static final String COMPLETED = "completed";
  static final String FAILED = "failed";
  static final String SOFT_FAILED = "soft-failed";
  static final String CANCELED = "canceled";
  static final String PAUSED = "paused";

  private TaskStatuses() {}

  /**
   * The status a task shows, from the one stored ({@code stored}), its frame's state and its
   * job's.
   */
  static String shown(String stored, FrameState frame, JobState job, boolean jobPaused) {
    return switch (frame) {
      case RUNNING -> stored.equals(ACTIVE) ? ACTIVE : QUEUED;
      case SUCCEEDED -> COMPLETED;
      case DEAD -> FAILED;
      case EATEN -> CANCELED;
      case WAITING -> job == JobState.FINISHED ? CANCELED
          : jobPaused ? PAUSED
          : stored.equals(SOFT_FAILED) ? SOFT_FAILED : QUEUED;
      default -> QUEUED;
    };
  }

  /** Whether the task is being run: active, and its frame still running. */
  static boolean running(String stored, FrameState frame) {
    return stored.equals(ACTIVE) && frame == FrameState.RUNNING;
  }
}
