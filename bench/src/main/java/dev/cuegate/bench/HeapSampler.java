package dev.cuegate.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the live heap while something runs: every interval a full collection (synchronous
 * under {@code -XX:+UseSerialGC}) and the heap used after it. The largest sample, less the live
 * heap before, is the peak heap growth that is really held, not garbage waiting to be collected.
 */
final class HeapSampler implements AutoCloseable {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private final long baseline;
  private final AtomicLong peak = new AtomicLong();
  private final AtomicLong samples = new AtomicLong();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "heap-sampler");
            thread.setDaemon(true);
            return thread;
          });

  private HeapSampler(long baseline) {
    this.baseline = baseline;
  }

  /** Takes the baseline now and samples every {@code interval} until closed. */
  static HeapSampler start(Duration interval) {
    HeapSampler sampler = new HeapSampler(liveHeap());
    sampler.timer.scheduleWithFixedDelay(
        sampler::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return sampler;
  }

  /** The live heap after a full collection. */
  static long liveHeap() {
    System.gc();
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  private void sample() {
    peak.accumulateAndGet(liveHeap(), Math::max);
    samples.incrementAndGet();
  }

  /** The largest live heap seen, less the baseline. */
  long growth() {
    return Math.max(0, peak.get() - baseline);
  }

  long samples() {
    return samples.get();
  }

  @Override
  public void close() throws InterruptedException {
    timer.shutdown();
    if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("heap sampler did not stop");
    }
  }
}
