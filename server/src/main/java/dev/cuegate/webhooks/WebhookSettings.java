package dev.cuegate.webhooks;

import java.time.Duration;

/**
 * How deliveries are retried: the first retry waits {@code firstRetry}, each next one twice as
 * long, never more than {@code maxRetry}; an attempt gives up after {@code timeout}.
 */
public record WebhookSettings(Duration firstRetry, Duration maxRetry, Duration timeout) {
  /** One second, doubling up to five minutes; ten seconds per attempt. */
  public static WebhookSettings defaults() {
    return new WebhookSettings(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(10));
  }

  /** The wait before the next attempt after {@code failures} failed ones in a row. */
  Duration retryDelay(int failures) {
    Duration delay = firstRetry;
    for (int i = 1; i < failures && delay.compareTo(maxRetry) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxRetry) < 0 ? delay : maxRetry;
  }
}
