package dev.cuegate.shaman;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The Shaman's meters: what the store holds, how uploads end, what garbage collection does. */
final class ShamanMetrics {
  private final AtomicLong blobs = new AtomicLong();
  private final AtomicLong blobBytes = new AtomicLong();
  private final Counter bytesStored;
  private final Map<UploadOutcome, Counter> uploads = new EnumMap<>(UploadOutcome.class);
  private final Counter gcRuns;
  private final Counter gcRemovedBlobs;
  private final Counter gcRemovedBytes;

  ShamanMetrics(MeterRegistry registry) {
    Gauge.builder("shaman.blobs", blobs, AtomicLong::get)
        .description("Blobs in the Shaman file store")
        .register(registry);
    Gauge.builder("shaman.blob.bytes", blobBytes, AtomicLong::get)
        .description("Bytes held by the blobs in the Shaman file store")
        .baseUnit("bytes")
        .register(registry);
    bytesStored = Counter.builder("shaman.stored.bytes")
        .description("Bytes of blobs published by uploads")
        .baseUnit("bytes")
        .register(registry);
    for (UploadOutcome outcome : UploadOutcome.values()) {
      uploads.put(outcome, Counter.builder("shaman.uploads")
          .description("Uploads to the Shaman file store by outcome")
          .tag("outcome", outcome.tag())
          .register(registry));
    }
    gcRuns = Counter.builder("shaman.gc.runs")
        .description("Garbage collection runs")
        .register(registry);
    gcRemovedBlobs = Counter.builder("shaman.gc.removed.blobs")
        .description("Blobs removed by garbage collection")
        .register(registry);
    gcRemovedBytes = Counter.builder("shaman.gc.removed.bytes")
        .description("Bytes removed by garbage collection")
        .baseUnit("bytes")
        .register(registry);
  }

  /** Sets the gauges from a scan of the store at start-up. */
  void initialContents(long blobCount, long bytes) {
    blobs.set(blobCount);
    blobBytes.set(bytes);
  }

  void uploadEnded(BlobKey key, UploadOutcome outcome) {
    uploads.get(outcome).increment();
    if (outcome == UploadOutcome.STORED) {
      bytesStored.increment(key.size());
      blobs.incrementAndGet();
      blobBytes.addAndGet(key.size());
    }
  }

  void gcRan(long removedBlobs, long removedBytes) {
    gcRuns.increment();
    gcRemovedBlobs.increment(removedBlobs);
    gcRemovedBytes.increment(removedBytes);
    blobs.addAndGet(-removedBlobs);
    blobBytes.addAndGet(-removedBytes);
  }
}
