package dev.cuegate.agent;

import java.time.Duration;

/** Waits between the agent's polls and retries; tests pass one that does not really wait. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  /** Sleeps the calling thread. */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
