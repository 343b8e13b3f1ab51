package dev.cuegate.memory;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.cuegate.schedule.Periodic;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives memory back to the system once the process goes idle after work: a full collection that
 * shrinks the heap to its live data, then a trim of the C heap. The serial collector never
 * shrinks the heap by itself while no collection runs, so without this a process keeps the
 * memory its busiest moment needed for as long as it stays idle.
 */
public final class IdleMemoryRelease implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IdleMemoryRelease.class);
  private static final Duration TICK = Duration.ofSeconds(1);
  /** Under load a young collection comes every fraction of a second; idle, the heap barely grows. */
  private static final long ACTIVE_BYTES_PER_TICK = 1024 * 1024;
  private static final String MAX_FREE = "MaxHeapFreeRatio";
  private static final String MIN_FREE = "MinHeapFreeRatio";

  /** A release in progress (a full collection) ends within this on a busy machine. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(1);

  private final Periodic ticker;

  private IdleMemoryRelease(Periodic ticker) {
    this.ticker = ticker;
  }

  /** Watches the heap every second; releases after {@code quiet} without work that follows work. */
  public static IdleMemoryRelease start(Duration quiet) {
    IdleWatch watch =
        new IdleWatch((int) Math.max(1, quiet.dividedBy(TICK)), ACTIVE_BYTES_PER_TICK);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    Periodic ticker =
        Periodic.start(
            "cuegate-idle-memory",
            TICK,
            () -> {
              if (watch.tick(collections(), memory.getHeapMemoryUsage().getUsed())) {
                releaseNow();
                watch.rebase(collections(), memory.getHeapMemoryUsage().getUsed());
              }
            });
    return new IdleMemoryRelease(ticker);
  }

  /**
   * One full collection that leaves no more free heap than {@code MinHeapFreeRatio} (the ratio the
   * heap grows back to under load, so the next burst is not slowed), then a trim of the C heap.
   */
  public static void releaseNow() {
    long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    String maxFree = vm.getVMOption(MAX_FREE).getValue();
    boolean lowered = setOption(vm, MAX_FREE, vm.getVMOption(MIN_FREE).getValue());
    try {
      System.gc();
    } finally {
      if (lowered) {
        setOption(vm, MAX_FREE, maxFree);
      }
    }
    boolean trimmed = trimNativeHeap();
    long after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    log.debug(
        "idle: heap {} MB -> {} MB committed{}",
        before >> 20,
        after >> 20,
        trimmed ? ", C heap trimmed" : "");
  }

  /** False when this JVM refuses the value; the collection then shrinks by its own ratio. */
  private static boolean setOption(HotSpotDiagnosticMXBean vm, String name, String value) {
    try {
      vm.setVMOption(name, value);
      return true;
    } catch (IllegalArgumentException e) {
      log.debug("idle: {} cannot be set to {}: {}", name, value, e.getMessage());
      return false;
    }
  }

  /** glibc keeps freed memory for reuse; the JVM's diagnostic command hands it back. */
  private static boolean trimNativeHeap() {
    try {
      ManagementFactory.getPlatformMBeanServer()
          .invoke(
              new ObjectName("com.sun.management:type=DiagnosticCommand"),
              "systemTrimNativeHeap",
              new Object[0],
              new String[0]);
      return true;
    } catch (JMException e) {
      // JDKs before 17.0.9 have no such command; the heap is released all the same.
      return false;
    }
  }

  private static long collections() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionCount());
    }
    return total;
  }

  @Override
  public void close() {
    ticker.stop(STOP_WAIT);
  }
}
