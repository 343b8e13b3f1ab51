package dev.cuegate.bridge;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes, for tests where processes do the work. */
final class Await {
  private static final Duration POLL = Duration.ofMillis(20);

  private Await() {}

  /** Fails with {@code what} and {@code context} when {@code condition} is still false at the end. */
  static void until(String what, Duration limit, BooleanSupplier condition,
      Supplier<String> context) {
    Instant deadline = Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting until " + what + "; " + context.get());
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
