package dev.cuegate.farm.store;

/** What a user does to frames, with OpenCue's rules for which states each one applies to. */
public enum FrameChange {
  /** DEAD, SUCCEEDED and EATEN frames run again (or wait again for their dependencies). */
  RETRY,
  /** Frames that have not succeeded are given up on, which satisfies what depends on them. */
  EAT,
  /** RUNNING frames are stopped and wait to run again, without counting as a failure. */
  KILL,
  /**
   * DEPEND frames wait no longer for their dependencies and are WAITING: their own frame
   * dependencies are dropped, and those of their layer or job no longer hold them.
   */
  MARK_WAITING
}
