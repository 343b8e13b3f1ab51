package dev.cuegate.agent;

import java.time.Duration;

/** Waits that double from a minimum to a maximum, until reset. */
final class Backoff {
  private final Duration min;
  private final Duration max;
  private final Sleeper sleeper;
  private Duration next;

  Backoff(Duration min, Duration max, Sleeper sleeper) {
    this.min = min;
    this.max = max;
    this.sleeper = sleeper;
    this.next = min;
  }

  void reset() {
    next = min;
  }

  void pause() throws InterruptedException {
    Duration wait = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
    sleeper.sleep(wait);
  }
}
