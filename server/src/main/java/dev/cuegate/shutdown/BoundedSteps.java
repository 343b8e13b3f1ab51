package dev.cuegate.shutdown;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shutdown steps that do not depend on each other, run side by side under one time limit, so
 * that the process exits within a known bound however long one part takes to close. A step still
 * running at the limit is logged and left behind: its thread is a daemon and the exit ends it.
 */
public final class BoundedSteps {
  private static final Logger log = LoggerFactory.getLogger(BoundedSteps.class);

  private final Map<String, Runnable> steps = new LinkedHashMap<>();

  /** Adds a step; {@code name} appears in the shutdown log. */
  public BoundedSteps add(String name, Runnable step) {
    steps.put(name, step);
    return this;
  }

  /** Runs every step at once and waits for them, at most {@code limit}. */
  public void run(Duration limit) {
    List<Thread> threads = new ArrayList<>();
    for (Map.Entry<String, Runnable> step : steps.entrySet()) {
      Thread thread = new Thread(() -> timed(step.getKey(), step.getValue()),
          "cuegate-shutdown-" + step.getKey());
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
    long deadline = System.nanoTime() + limit.toNanos();
    try {
      for (Thread thread : threads) {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          TimeUnit.NANOSECONDS.timedJoin(thread, left);
        }
        if (thread.isAlive()) {
          log.warn("shutdown: {} did not finish within {} ms; exiting without it",
              thread.getName(), limit.toMillis());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void timed(String name, Runnable step) {
    long start = System.nanoTime();
    try {
      step.run();
    } catch (RuntimeException e) {
      log.warn("shutdown: closing {} failed", name, e);
    }
    log.info("shutdown: {} closed in {} ms", name,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }
}
