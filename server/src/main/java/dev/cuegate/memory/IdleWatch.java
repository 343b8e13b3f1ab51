package dev.cuegate.memory;

/**
 * Decides, from one reading of the heap per tick, when the process has just gone idle after
 * work: the moment memory is worth giving back. Not thread-safe: one ticking thread owns it.
 */
final class IdleWatch {
  private final int quietTicks;
  private final long activeBytesPerTick;
  private long collections = -1;
  private long used;
  private int quiet;
  private boolean workSinceRelease;

  /**
   * @param quietTicks how many ticks in a row without work make the process idle
   * @param activeBytesPerTick heap growth within one tick (with no collection) that counts as work
   */
  IdleWatch(int quietTicks, long activeBytesPerTick) {
    this.quietTicks = quietTicks;
    this.activeBytesPerTick = activeBytesPerTick;
  }

  /**
   * Takes this tick's reading; true when memory should be given back now, which happens once per
   * stretch of work followed by quiet.
   *
   * @param collections garbage collections so far, of every collector
   * @param used heap bytes in use now
   */
  boolean tick(long collections, long used) {
    // A collection means the allocation of a whole young generation; growth without one is
    // allocation too. A first reading only sets the baseline.
    boolean work =
        this.collections >= 0
            && (collections != this.collections || used - this.used > activeBytesPerTick);
    this.collections = collections;
    this.used = used;
    if (work) {
      workSinceRelease = true;
      quiet = 0;
      return false;
    }
    quiet++;
    if (workSinceRelease && quiet >= quietTicks) {
      workSinceRelease = false;
      return true;
    }
    return false;
  }

  /** The reading after a release: its own collection and freed heap are not work. */
  void rebase(long collections, long used) {
    this.collections = collections;
    this.used = used;
  }
}
