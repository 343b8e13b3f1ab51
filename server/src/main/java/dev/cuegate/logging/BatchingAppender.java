package dev.cuegate.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Takes log events off the threads that log them and writes them on one writer thread, in batches
 * with one flush per batch: a request never waits for a disk or a terminal, and a busy second
 * costs a few hundred writes instead of one or two per line.
 *
 * <p>An event that finds the queue full is not written; it is counted ({@link #dropped()}, the
 * {@code cuegate_log_lines_dropped_total} metric), and the next batch starts with a WARN line
 * saying how many were lost, so that a gap in the log is never silent.
 */
final class BatchingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
  /** Events waiting to be written: about two seconds of access lines at full speed. */
  static final int DEFAULT_CAPACITY = 16_384;
  private static final int MAX_BATCH = 1_024;
  /**
   * After a batch the writer lets lines gather this long before it looks again, so that under load
   * it wakes a few hundred times a second, not once per line.
   */
  private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private static final long IDLE_POLL_MILLIS = 200;

  private final BlockingQueue<ILoggingEvent> queue;
  private final List<OutputStreamAppender<ILoggingEvent>> targets;
  private final LongAdder dropped = new LongAdder();
  private final LongAdder accepted = new LongAdder();
  /** Events written and flushed; only the writer (or {@link #stop}) moves it. */
  private volatile long written;
  private long droppedReported;
  private volatile boolean running;
  private Thread writer;

  /**
   * @param targets appenders only this appender writes to; their immediate flush is turned off,
   *     since the writer flushes once per batch
   */
  BatchingAppender(int capacity, List<OutputStreamAppender<ILoggingEvent>> targets) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.targets = List.copyOf(targets);
    this.targets.forEach(target -> target.setImmediateFlush(false));
  }

  /** Events lost because the queue was full, since start-up. */
  long dropped() {
    return dropped.sum();
  }

  @Override
  public void start() {
    running = true;
    writer = new Thread(this::writeUntilStopped, "cuegate-log-writer");
    writer.setDaemon(true);
    writer.start();
    super.start();
  }

  @Override
  protected void append(ILoggingEvent event) {
    capture(event);
    if (queue.offer(event)) {
      accepted.increment();
    } else {
      dropped.increment();
    }
  }

  /**
   * Takes what the writer thread could no longer see: the thread's name and its MDC. The message
   * is formatted now only if an argument could change before the writer gets to it.
   */
  private static void capture(ILoggingEvent event) {
    event.getThreadName();
    event.getMDCPropertyMap();
    if (!allImmutable(event.getArgumentArray())) {
      event.getFormattedMessage();
    }
  }

  private static boolean allImmutable(Object[] arguments) {
    if (arguments == null) {
      return true;
    }
    for (Object argument : arguments) {
      if (!(argument == null
          || argument instanceof String
          || argument instanceof Number && argument.getClass().getName().startsWith("java.lang.")
          || argument instanceof Boolean
          || argument instanceof Character
          || argument instanceof Enum<?>)) {
        return false;
      }
    }
    return true;
  }

  /** Writes everything queued so far and flushes it; the writer thread and {@link #stop} call it. */
  private void writeBatch(List<ILoggingEvent> batch) {
    long lost = dropped.sum();
    if (lost > droppedReported) {
      write(droppedNotice(lost - droppedReported));
      droppedReported = lost;
    }
    for (ILoggingEvent event : batch) {
      write(event);
    }
    int count = batch.size();
    batch.clear();
    for (OutputStreamAppender<ILoggingEvent> target : targets) {
      OutputStream out = target.getOutputStream();
      if (out == null) {
        continue;
      }
      try {
        out.flush();
      } catch (IOException e) {
        addError("cannot flush the log appender " + target.getName(), e);
      }
    }
    written += count;
  }

  private void write(ILoggingEvent event) {
    for (OutputStreamAppender<ILoggingEvent> target : targets) {
      target.doAppend(event);
    }
  }

  private ILoggingEvent droppedNotice(long lost) {
    Logger logger = ((LoggerContext) getContext()).getLogger(LogSetup.class);
    LoggingEvent notice =
        new LoggingEvent(
            BatchingAppender.class.getName(),
            logger,
            Level.WARN,
            "{} log lines could not be written: the log queue was full"
                + " (counted in cuegate_log_lines_dropped_total)",
            null,
            new Object[] {lost});
    notice.getThreadName();
    return notice;
  }

  private void writeUntilStopped() {
    List<ILoggingEvent> batch = new ArrayList<>(MAX_BATCH);
    while (running) {
      try {
        ILoggingEvent first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
      } catch (InterruptedException e) {
        // stop() interrupts to end the wait; what is left is written there.
        break;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      writeBatch(batch);
      LockSupport.parkNanos(GATHER_NANOS);
    }
  }

  /** Stops the writer, then writes what is still queued on the calling thread. */
  @Override
  public void stop() {
    if (!isStarted()) {
      return;
    }
    running = false;
    writer.interrupt();
    try {
      writer.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<ILoggingEvent> rest = new ArrayList<>();
    queue.drainTo(rest);
    writeBatch(rest);
    targets.forEach(OutputStreamAppender::stop);
    super.stop();
  }

  /**
   * Blocks until every event queued before the call is written and flushed, or {@code timeout}
   * has passed; false in that case. Shutdown and tests use it.
   */
  boolean flush(long timeout, TimeUnit unit) {
    long target = accepted.sum();
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (written < target) {
      if (!isStarted() || System.nanoTime() - deadline > 0) {
        return false;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
    return true;
  }
}
