package dev.cuegate.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Closed-loop load: {@code n} threads each issue one call after another for a fixed time, and
 * every call's latency is kept, so percentiles are exact rather than bucketed.
 */
final class LoadRunner {

  /** One blocking call; fails by throwing. */
  @FunctionalInterface
  interface Call {
    void invoke() throws IOException, InterruptedException;
  }

  /** What one side of a step measured. */
  record Result(
      long calls,
      Duration elapsed,
      long p50Nanos,
      long p99Nanos,
      double cpuCores,
      long jitMillis,
      long contextSwitches) {
    double perSecond() {
      return calls / (elapsed.toNanos() / 1e9);
    }

    String describe() {
      return String.format(
          Locale.ROOT,
          "%.0f req/s p50 %s p99 %s cpu %.2f cores switches %.1f/call jit %d ms",
          perSecond(),
          Units.millis(p50Nanos),
          Units.millis(p99Nanos),
          cpuCores,
          switchesPerCall(),
          jitMillis);
    }

    /** Voluntary context switches of the whole process per call: its thread hand-offs. */
    double switchesPerCall() {
      return (double) contextSwitches / calls;
    }
  }

  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
  /**
   * Below this share of a round's wall time spent compiling, the JIT is taken to be done. The
   * gateway, both clients and the fake in one process keep C2 busy for about a minute on 2 cores,
   * and its CPU and the interpreted code it has not replaced yet would otherwise be measured as
   * the gateway's.
   */
  private static final double JIT_SETTLED_SHARE = 0.02;

  private LoadRunner() {}

  /**
   * Runs every call in turn on {@code threads} threads for {@code round} each until a whole turn
   * spends less than {@link #JIT_SETTLED_SHARE} of its time compiling, or {@code limit} has passed.
   * Returns the time it took and whether compilation settled.
   */
  static WarmUp warmUpUntilCompiled(int threads, Duration round, Duration limit, Call... calls)
      throws InterruptedException {
    long start = System.nanoTime();
    while (true) {
      long turnStart = System.nanoTime();
      long jitBefore = JIT.getTotalCompilationTime();
      for (Call call : calls) {
        drive(threads, round, call);
      }
      long now = System.nanoTime();
      double share = (JIT.getTotalCompilationTime() - jitBefore) * 1e6 / (now - turnStart);
      Duration spent = Duration.ofNanos(now - start);
      if (share < JIT_SETTLED_SHARE || spent.compareTo(limit) >= 0) {
        return new WarmUp(spent, share < JIT_SETTLED_SHARE);
      }
    }
  }

  /** How long warming up took, and whether the JIT was done by then. */
  record WarmUp(Duration spent, boolean settled) {}

  /**
   * Measures {@code a} and {@code b} on {@code threads} threads each, side by side: after warming
   * both up at this concurrency (rounds of {@code warmup}, at most {@code warmupLimit}), in {@code
   * rounds} alternating rounds of {@code round} each (a b, b a, a b, ...), so that a change in the
   * machine's load while measuring weighs on both alike. Each side's figures pool its rounds.
   */
  static Result[] compare(
      int threads,
      Duration warmup,
      Duration warmupLimit,
      Duration round,
      int rounds,
      Call a,
      Call b)
      throws InterruptedException {
    warmUpUntilCompiled(threads, warmup, warmupLimit, a, b);
    Pool first = new Pool();
    Pool second = new Pool();
    for (int i = 0; i < rounds; i++) {
      if (i % 2 == 0) {
        first.measure(threads, round, a);
        second.measure(threads, round, b);
      } else {
        second.measure(threads, round, b);
        first.measure(threads, round, a);
      }
    }
    return new Result[] {first.result(), second.result()};
  }

  /** One side's measured rounds, pooled. */
  private static final class Pool {
    private final List<long[]> latencies = new ArrayList<>();
    private long elapsed;
    private long cpu;
    private long jit;
    private long switches;

    void measure(int threads, Duration length, Call call) throws InterruptedException {
      long cpuBefore = OS.getProcessCpuTime();
      long jitBefore = JIT.getTotalCompilationTime();
      long start = System.nanoTime();
      Drive drive = drive(threads, length, call);
      elapsed += System.nanoTime() - start;
      cpu += OS.getProcessCpuTime() - cpuBefore;
      jit += JIT.getTotalCompilationTime() - jitBefore;
      switches += drive.contextSwitches();
      latencies.addAll(Arrays.asList(drive.latencies()));
    }

    Result result() {
      long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      return new Result(
          all.length,
          Duration.ofNanos(elapsed),
          percentile(all, 0.50),
          percentile(all, 0.99),
          (double) cpu / elapsed,
          jit,
          switches);
    }
  }

  /** Every call's latency, by thread, and the process' voluntary context switches meanwhile. */
  private record Drive(long[][] latencies, long contextSwitches) {}

  private static long percentile(long[] sorted, double quantile) {
    int rank = (int) Math.ceil(quantile * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static Drive drive(int threads, Duration length, Call call)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<long[]>> workers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        workers.add(pool.submit(() -> loop(ready, go, length, call)));
      }
      ready.await();
      // Counted while the pool's threads are alive, so their switches are in both totals.
      long switchesBefore = ContextSwitches.total();
      go.countDown();
      long[][] latencies = new long[threads][];
      for (int i = 0; i < threads; i++) {
        latencies[i] = workers.get(i).get();
      }
      return new Drive(latencies, ContextSwitches.total() - switchesBefore);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a call failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static long[] loop(CountDownLatch ready, CountDownLatch go, Duration length, Call call)
      throws IOException, InterruptedException {
    long[] latencies = new long[1 << 14];
    int count = 0;
    ready.countDown();
    go.await();
    long end = System.nanoTime() + length.toNanos();
    for (long now = System.nanoTime(); now < end; ) {
      call.invoke();
      long done = System.nanoTime();
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = done - now;
      now = done;
    }
    return Arrays.copyOf(latencies, count);
  }
}
