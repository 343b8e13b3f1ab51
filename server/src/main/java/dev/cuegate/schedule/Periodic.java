package dev.cuegate.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A background chore (garbage collection, timeout sweeps) run at a fixed delay on a daemon thread
 * of its own, so that it can never keep the process alive or hold up a request thread.
 */
public final class Periodic {
  private final ScheduledExecutorService executor;

  private Periodic(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  /**
   * Runs {@code task} every {@code period}, first after one period. The task must catch its own
   * failures: one that escapes cancels the schedule, as with any {@link ScheduledExecutorService}.
   */
  public static Periodic start(String threadName, Duration period, Runnable task) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, threadName);
              thread.setDaemon(true);
              return thread;
            });
    long millis = period.toMillis();
    executor.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
    return new Periodic(executor);
  }

  /**
   * Stops scheduling and waits for a run in progress.
   *
   * @return false when the run did not end within {@code wait}
   */
  public boolean stop(Duration wait) {
    executor.shutdown();
    try {
      return executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
