package dev.cuegate.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import dev.cuegate.config.LogFormat;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Configures Logback once at start-up: plain text or JSON lines on stdout, plus a rolling file in
 * the log directory when that directory can be written. A missing or read-only directory only costs a
 * warning, unlike the Go gateway, which fails to start without {@code /logs}.
 */
public final class LogSetup {

  /** One line per API request. Follows {@code LOG_LEVEL} like every other logger. */
  public static final String ACCESS_LOGGER = "cuegate.access";
  /**
   * One line per mutating call (who, what, result). Kept at INFO whatever {@code LOG_LEVEL} says,
   * because an audit trail that a verbosity knob can switch off is not one.
   */
  public static final String AUDIT_LOGGER = "cuegate.audit";
  /** The file name OpenCue's Go gateway uses, so existing log shipping keeps working. */
  public static final String LOG_FILE_NAME = "opencue_gateway.log";

  private static final String PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";
  private static final List<String> NOISY_LIBRARIES =
      List.of("io.netty", "io.grpc", "com.linecorp.armeria");
  private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error");
  private static final String MAX_FILE_SIZE = "100MB";
  private static final int MAX_ROLLED_FILES = 5;
  private static final String BATCHING_APPENDER = "batching";
  /** Lines gather here between the writer's flushes instead of costing a write each. */
  private static final int CONSOLE_BUFFER_BYTES = 64 * 1024;
  private static final FileSize FILE_BUFFER = FileSize.valueOf("64KB");

  private LogSetup() {}

  /**
   * Replaces the process' logging configuration.
   *
   * @param level one of {@code trace}, {@code debug}, {@code info}, {@code warn}, {@code error}
   * @param logDir where {@value #LOG_FILE_NAME} goes; created if missing
   * @return the log file in use, or empty when only stdout is logged to
   */
  public static Optional<Path> configure(String level, Path logDir, LogFormat format) {
    return configure(
        (LoggerContext) LoggerFactory.getILoggerFactory(), System.out, level, logDir, format);
  }

  /** As {@link #configure(String, Path, LogFormat)} in plain text, on a given context (tests). */
  static Optional<Path> configure(
      LoggerContext context, OutputStream console, String level, Path logDir) {
    return configure(context, console, level, logDir, LogFormat.TEXT);
  }

  /** As {@link #configure(String, Path, LogFormat)}, on a given context and console stream. */
  static Optional<Path> configure(
      LoggerContext context, OutputStream console, String level, Path logDir, LogFormat format) {
    String normalized = level.toLowerCase(Locale.ROOT);
    if (!LEVELS.contains(normalized)) {
      throw new IllegalArgumentException("unknown log level: " + level);
    }
    context.reset();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(normalized));
    if (!normalized.equals("debug") && !normalized.equals("trace")) {
      NOISY_LIBRARIES.forEach(name -> context.getLogger(name).setLevel(Level.WARN));
    }
    context.getLogger(AUDIT_LOGGER).setLevel(Level.INFO);

    List<OutputStreamAppender<ILoggingEvent>> targets = new ArrayList<>();
    targets.add(consoleAppender(context, console, format));
    Path file = logDir.resolve(LOG_FILE_NAME);
    Optional<String> problem = unwritable(logDir, file);
    if (problem.isEmpty()) {
      targets.add(fileAppender(context, file, format));
    }
    BatchingAppender batching = new BatchingAppender(BatchingAppender.DEFAULT_CAPACITY, targets);
    batching.setContext(context);
    batching.setName(BATCHING_APPENDER);
    batching.start();
    root.addAppender(batching);
    if (problem.isPresent()) {
      context.getLogger(LogSetup.class).warn(
          "LOG_DIR {} is not writable ({}); logging to stdout only", logDir, problem.get());
      return Optional.empty();
    }
    return Optional.of(file);
  }

  /**
   * Log lines of this process lost since start-up because the log writer fell behind; 0 before
   * {@link #configure(String, Path, LogFormat)}.
   */
  public static long droppedLines() {
    return batching((LoggerContext) LoggerFactory.getILoggerFactory())
        .map(BatchingAppender::dropped)
        .orElse(0L);
  }

  /**
   * Waits until every line logged so far is written (at most {@code timeout}); shutdown calls it
   * last, since the writer thread does not outlive the process.
   */
  public static void flush(Duration timeout) {
    flush((LoggerContext) LoggerFactory.getILoggerFactory(), timeout);
  }

  /** As {@link #flush(Duration)}, on a given context (tests). */
  static void flush(LoggerContext context, Duration timeout) {
    batching(context).ifPresent(
        appender -> appender.flush(timeout.toNanos(), TimeUnit.NANOSECONDS));
  }

  private static Optional<BatchingAppender> batching(LoggerContext context) {
    return context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(BATCHING_APPENDER)
        instanceof BatchingAppender appender
        ? Optional.of(appender)
        : Optional.empty();
  }

  /** Tries what the file appender will do, because Logback reports failures only as status. */
  private static Optional<String> unwritable(Path dir, Path file) {
    try {
      Files.createDirectories(dir);
      try (OutputStream probe = Files.newOutputStream(
          file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static OutputStreamAppender<ILoggingEvent> consoleAppender(
      LoggerContext context, OutputStream console, LogFormat format) {
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setName("console");
    appender.setEncoder(encoder(context, format));
    appender.setOutputStream(
        new NonClosingOutputStream(new BufferedOutputStream(console, CONSOLE_BUFFER_BYTES)));
    appender.start();
    return appender;
  }

  private static RollingFileAppender<ILoggingEvent> fileAppender(
      LoggerContext context, Path file, LogFormat format) {
    RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
    appender.setContext(context);
    appender.setName("file");
    appender.setFile(file.toString());
    appender.setBufferSize(FILE_BUFFER);
    appender.setEncoder(encoder(context, format));

    FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
    rolling.setContext(context);
    rolling.setParent(appender);
    rolling.setFileNamePattern(file + ".%i");
    rolling.setMinIndex(1);
    rolling.setMaxIndex(MAX_ROLLED_FILES);
    rolling.start();

    SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
    trigger.setContext(context);
    trigger.setMaxFileSize(FileSize.valueOf(MAX_FILE_SIZE));
    trigger.start();

    appender.setRollingPolicy(rolling);
    appender.setTriggeringPolicy(trigger);
    appender.start();
    return appender;
  }

  private static Encoder<ILoggingEvent> encoder(LoggerContext context, LogFormat format) {
    if (format == LogFormat.JSON) {
      JsonLineEncoder json = new JsonLineEncoder();
      json.setContext(context);
      json.start();
      return json;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    return encoder;
  }

  /** Stopping the appender must not close {@code System.out} for the rest of the process. */
  private static final class NonClosingOutputStream extends FilterOutputStream {
    NonClosingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
