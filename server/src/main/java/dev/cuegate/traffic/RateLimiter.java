package dev.cuegate.traffic;

import dev.cuegate.config.GatewayConfig;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Decides whether one more request from a caller (an address, a token subject) may go ahead. */
public interface RateLimiter {

  /**
   * Takes one request from the caller's allowance.
   *
   * @return zero when the request may go ahead, otherwise how long until it would be allowed
   */
  Duration acquire(String caller);

  /** One token bucket per caller, refilled at {@code rps} a second up to {@code burst}. */
  static RateLimiter tokenBuckets(GatewayConfig.RateLimit config, Clock clock) {
    if (!config.enabled()) {
      return caller -> Duration.ZERO;
    }
    return new TokenBuckets(
        config.rps(), config.burst(), TokenBuckets.DEFAULT_MAX_CALLERS, timeMeter(clock));
  }

  private static TimeMeter timeMeter(Clock clock) {
    return new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
      }

      @Override
      public boolean isWallClockBased() {
        return true;
      }
    };
  }
}
