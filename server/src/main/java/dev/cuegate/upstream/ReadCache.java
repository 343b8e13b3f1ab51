package dev.cuegate.upstream;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers to reads, kept for a fixed time and within a byte budget: every entry lives the same TTL,
 * so insertion order is expiry order and the oldest entries go first when the budget is spent.
 */
final class ReadCache {
  /** Busy farms answer GetJobs with tens of MB: a few such answers, never the heap. */
  static final long MAX_BYTES = 64L << 20;

  private final Duration ttl;
  private final Clock clock;
  private final LinkedHashMap<ReadKey, Entry> entries = new LinkedHashMap<>();
  private long bytes;

  ReadCache(Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
  }

  boolean enabled() {
    return !ttl.isZero();
  }

  /** The answer stored for {@code key} less than the TTL ago, or null. */
  synchronized UpstreamReply get(ReadKey key) {
    expire();
    Entry entry = entries.get(key);
    return entry == null ? null : entry.reply();
  }

  synchronized void put(ReadKey key, UpstreamReply reply) {
    long size = key.size() + reply.body().length;
    if (size > MAX_BYTES) {
      return;
    }
    Entry old = entries.remove(key);
    if (old != null) {
      bytes -= old.size();
    }
    entries.put(key, new Entry(reply, clock.millis() + ttl.toMillis(), size));
    bytes += size;
    expire();
    Iterator<Entry> oldest = entries.values().iterator();
    while (bytes > MAX_BYTES && oldest.hasNext()) {
      bytes -= oldest.next().size();
      oldest.remove();
    }
  }

  synchronized int size() {
    return entries.size();
  }

  private void expire() {
    long now = clock.millis();
    Iterator<Map.Entry<ReadKey, Entry>> oldest = entries.entrySet().iterator();
    while (oldest.hasNext()) {
      Entry entry = oldest.next().getValue();
      if (entry.expiresAt() > now) {
        return;
      }
      bytes -= entry.size();
      oldest.remove();
    }
  }

  private record Entry(UpstreamReply reply, long expiresAt, long size) {}
}
