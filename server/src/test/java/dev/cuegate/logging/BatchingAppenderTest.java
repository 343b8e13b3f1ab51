package dev.cuegate.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchingAppenderTest {
  private static final int CAPACITY = 4;

  private final LoggerContext context = new LoggerContext();
  private final CountDownLatch writerStuck = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final GatedStream stream = new GatedStream();

  @AfterEach
  void stopContext() {
    release.countDown();
    context.stop();
  }

  @Test
  void linesThatFindTheQueueFullAreCountedAndTheLogSaysHowMany() throws Exception {
    BatchingAppender batching = start();
    Logger logger = context.getLogger("dev.cuegate.Example");

    logger.info("line 0");
    assertThat(writerStuck.await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 1; i <= CAPACITY + 3; i++) {
      logger.info("line {}", i);
    }

    assertThat(batching.dropped()).isEqualTo(3);
    release.countDown();
    assertThat(batching.flush(10, TimeUnit.SECONDS)).isTrue();
    String text = stream.text();
    assertThat(text).contains("line 0", "line 1", "line " + CAPACITY);
    assertThat(text).doesNotContain("line " + (CAPACITY + 1));
    assertThat(text).contains("WARN", "3 log lines could not be written");
  }

  @Test
  void eachBatchIsFlushedOnceNotEachLine() throws Exception {
    BatchingAppender batching = start(1_000);
    release.countDown();
    Logger logger = context.getLogger("dev.cuegate.Example");

    for (int i = 0; i < 200; i++) {
      logger.info("line {}", i);
    }

    assertThat(batching.flush(10, TimeUnit.SECONDS)).isTrue();
    assertThat(stream.text().lines()).hasSize(200);
    assertThat(stream.flushes.get()).isLessThan(200);
    assertThat(batching.dropped()).isZero();
  }

  @Test
  void stoppingWritesWhatIsStillQueued() {
    start();
    Logger logger = context.getLogger("dev.cuegate.Example");
    logger.info("first");
    assertThat(awaitQuietly(writerStuck)).isTrue();
    logger.info("queued while the writer was busy");

    release.countDown();
    context.stop();

    assertThat(stream.text()).contains("first", "queued while the writer was busy");
  }

  private BatchingAppender start() {
    return start(CAPACITY);
  }

  private BatchingAppender start(int capacity) {
    context.setMDCAdapter(new LogbackMDCAdapter());
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%level %msg%n");
    encoder.start();
    OutputStreamAppender<ILoggingEvent> target = new OutputStreamAppender<>();
    target.setContext(context);
    target.setEncoder(encoder);
    target.setOutputStream(stream);
    target.start();
    BatchingAppender batching = new BatchingAppender(capacity, List.of(target));
    batching.setContext(context);
    batching.start();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(batching);
    return batching;
  }

  private static boolean awaitQuietly(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Holds the writer inside its first write until released, like a disk that stalls. */
  private final class GatedStream extends OutputStream {
    final AtomicInteger flushes = new AtomicInteger();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) {
      writerStuck.countDown();
      awaitQuietly(release);
      bytes.write(data, offset, length);
    }

    @Override
    public void flush() throws IOException {
      flushes.incrementAndGet();
    }

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
