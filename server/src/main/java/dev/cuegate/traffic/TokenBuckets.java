package dev.cuegate.traffic;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bucket4j token buckets, one per caller, kept in a bounded map.
 *
 * <p>A bucket left alone long enough to refill completely is no different from a new one, so it is
 * dropped; and when more callers than the bound are active at once (a flood from many addresses),
 * the least recently seen bucket goes first. Memory therefore stays bounded whatever callers do.
 */
final class TokenBuckets implements RateLimiter {
  static final int DEFAULT_MAX_CALLERS = 50_000;

  private final int maxCallers;
  private final long refillNanos;
  private final Bandwidth bandwidth;
  private final TimeMeter time;
  private final LinkedHashMap<String, Entry> buckets;

  TokenBuckets(int rps, int burst, int maxCallers, TimeMeter time) {
    this.maxCallers = maxCallers;
    this.time = time;
    this.bandwidth =
        Bandwidth.builder().capacity(burst).refillGreedy(rps, Duration.ofSeconds(1)).build();
    this.refillNanos = Math.max(1, (long) Math.ceil(burst * 1e9 / rps));
    this.buckets =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > TokenBuckets.this.maxCallers || isIdle(eldest.getValue());
          }
        };
  }

  @Override
  public Duration acquire(String caller) {
    ConsumptionProbe probe = bucket(caller).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
  }

  private Bucket bucket(String caller) {
    long now = time.currentTimeNanos();
    synchronized (buckets) {
      Entry entry = buckets.get(caller);
      if (entry == null) {
        Bucket bucket = Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(time).build();
        entry = new Entry(bucket, now);
        buckets.put(caller, entry);
      }
      entry.lastUse = now;
      return entry.bucket;
    }
  }

  private boolean isIdle(Entry entry) {
    return time.currentTimeNanos() - entry.lastUse >= refillNanos;
  }

  /** How many callers have a bucket now. */
  int size() {
    synchronized (buckets) {
      return buckets.size();
    }
  }

  private static final class Entry {
    final Bucket bucket;
    long lastUse;

    Entry(Bucket bucket, long lastUse) {
      this.bucket = bucket;
      this.lastUse = lastUse;
    }
  }
}
