package dev.cuegate.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Collects what one logger (and its children) writes at a chosen level, for tests of log content.
 * Close it to detach and restore the logger's level.
 */
public final class LogCapture implements AutoCloseable {
  private final Logger logger;
  private final Level previous;
  private final LinkedBlockingQueue<ILoggingEvent> events = new LinkedBlockingQueue<>();
  private final AppenderBase<ILoggingEvent> appender =
      new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
          events.add(event);
        }
      };

  private LogCapture(String name, Level level) {
    this.logger = (Logger) LoggerFactory.getLogger(name);
    this.previous = logger.getLevel();
    logger.setLevel(level);
    appender.setContext(logger.getLoggerContext());
    appender.start();
    logger.addAppender(appender);
  }

  /** Captures {@code name} at INFO and above. */
  public static LogCapture info(String name) {
    return new LogCapture(name, Level.INFO);
  }

  /** Captures {@code name} at every level. */
  public static LogCapture all(String name) {
    return new LogCapture(name, Level.TRACE);
  }

  /** The next message, waiting for it up to {@code timeout}; null if none came. */
  public String next(Duration timeout) {
    try {
      ILoggingEvent event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return event == null ? null : event.getFormattedMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Every message captured so far, taken out of the capture. */
  public List<String> drain() {
    List<ILoggingEvent> taken = new ArrayList<>();
    events.drainTo(taken);
    return taken.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
    logger.setLevel(previous);
  }
}
