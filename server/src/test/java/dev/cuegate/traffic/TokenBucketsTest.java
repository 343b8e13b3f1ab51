package dev.cuegate.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.testing.RandomChecks;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

  @Test
  void aBurstIsAllowedThenTheCallerWaitsForTheRefill() {
    FakeTime time = new FakeTime();
    TokenBuckets buckets = new TokenBuckets(2, 3, 100, time);

    assertThat(buckets.acquire("a")).isZero();
    assertThat(buckets.acquire("a")).isZero();
    assertThat(buckets.acquire("a")).isZero();
    Duration wait = buckets.acquire("a");

    assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMillis(500));
    time.advance(wait);
    assertThat(buckets.acquire("a")).isZero();
  }

  @Test
  void callersHaveSeparateBuckets() {
    TokenBuckets buckets = new TokenBuckets(1, 1, 100, new FakeTime());

    assertThat(buckets.acquire("a")).isZero();
    assertThat(buckets.acquire("a")).isPositive();
    assertThat(buckets.acquire("b")).isZero();
  }

  @Test
  void theNumberOfBucketsStaysWithinTheBound() {
    TokenBuckets buckets = new TokenBuckets(1, 1, 10, new FakeTime());

    for (int i = 0; i < 1000; i++) {
      buckets.acquire("caller-" + i);
    }

    assertThat(buckets.size()).isEqualTo(10);
  }

  @Test
  void idleBucketsAreDroppedOnceTheyWouldBeFullAgain() {
    FakeTime time = new FakeTime();
    TokenBuckets buckets = new TokenBuckets(10, 10, 1000, time);
    buckets.acquire("old");

    time.advance(Duration.ofSeconds(2));
    buckets.acquire("new");

    assertThat(buckets.size()).isEqualTo(1);
  }

  /** Oracle: over any window, at most burst + rps × elapsed requests get through. */
  @Test
  void neverMoreThanBurstPlusRefillGetThrough() {
    RandomChecks.forAll(
        200,
        random -> {
          int rps = 1 + random.nextInt(20);
          int burst = 1 + random.nextInt(30);
          FakeTime time = new FakeTime();
          TokenBuckets buckets = new TokenBuckets(rps, burst, 100, time);
          long allowed = 0;
          long elapsedNanos = 0;
          for (int i = 0; i < 300; i++) {
            long step = random.nextInt(3) == 0 ? random.nextInt(200_000_000) : 0;
            time.advance(Duration.ofNanos(step));
            elapsedNanos += step;
            if (buckets.acquire("x").isZero()) {
              allowed++;
            }
          }
          double ceiling = burst + rps * (elapsedNanos / 1e9);
          assertThat((double) allowed).isLessThanOrEqualTo(ceiling + 1e-6);
        });
  }

  private static final class FakeTime implements TimeMeter {
    private long nanos = 1_000_000_000L;

    void advance(Duration by) {
      nanos += by.toNanos();
    }

    @Override
    public long currentTimeNanos() {
      return nanos;
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }
  }
}
