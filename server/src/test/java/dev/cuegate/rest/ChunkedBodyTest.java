package dev.cuegate.rest;

import static dev.cuegate.testing.RandomChecks.forAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.stream.StreamMessage;
import com.linecorp.armeria.common.stream.StreamMessageDuplicator;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChunkedBodyTest {
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  /** Without thread caches, so a released buffer is counted out of its arena at once. */
  private final PooledByteBufAllocator allocator =
      new PooledByteBufAllocator(true, 0, 1, 8192, 9, 0, 0, false);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void theBodyIsWhatWasWrittenInChunksOfAtMostTheChunkSize() {
    forAll(30, random -> {
      // given
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      StreamMessage<HttpData> body =
          ChunkedBody.of(out -> writeRandomly(random, out, expected), allocator, executor);

      // when
      List<HttpData> chunks = body.collect().join();

      // then
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      for (HttpData chunk : chunks) {
        assertThat(chunk.length()).isPositive().isLessThanOrEqualTo(ChunkedBody.CHUNK_BYTES);
        received.writeBytes(chunk.array());
        chunk.close();
      }
      assertThat(received.toByteArray()).isEqualTo(expected.toByteArray());
    });
    assertThat(allocator.metric().directArenas())
        .allSatisfy(arena -> assertThat(arena.numActiveAllocations()).isZero());
  }

  @Test
  void aFailingProducerAbortsTheBodyAndReleasesItsChunk() {
    // given
    StreamMessage<HttpData> body =
        ChunkedBody.of(
            out -> {
              out.write(new byte[ChunkedBody.CHUNK_BYTES + 10]);
              throw new IOException("the answer cannot be read");
            },
            allocator,
            executor);

    // when / then
    assertThatThrownBy(() -> body.collect().join())
        .isInstanceOf(CompletionException.class)
        .hasRootCauseMessage("the answer cannot be read");
    assertThat(allocator.metric().directArenas())
        .allSatisfy(arena -> assertThat(arena.numActiveAllocations()).isZero());
  }

  @Test
  void aDuplicatedBodyIsRenderedToo() {
    // given
    StreamMessage<HttpData> body =
        ChunkedBody.of(out -> out.write(new byte[] {'{', '}'}), allocator, executor);

    // when
    List<HttpData> chunks;
    try (StreamMessageDuplicator<HttpData> duplicator = body.toDuplicator()) {
      chunks = duplicator.duplicate().collect().join();
    }

    // then
    assertThat(chunks).hasSize(1);
    assertThat(chunks.get(0).toStringUtf8()).isEqualTo("{}");
    chunks.forEach(HttpData::close);
  }

  @Test
  void nothingIsRenderedUntilTheBodyIsSubscribedTo() {
    // given
    boolean[] rendered = {false};
    StreamMessage<HttpData> body =
        ChunkedBody.of(out -> rendered[0] = true, allocator, Runnable::run);

    // when
    body.abort();

    // then
    assertThat(rendered[0]).isFalse();
  }

  private static void writeRandomly(Random random, OutputStream out, ByteArrayOutputStream copy)
      throws IOException {
    int total = random.nextInt(4 * ChunkedBody.CHUNK_BYTES);
    int written = 0;
    while (written < total) {
      if (random.nextInt(10) == 0) {
        int b = random.nextInt(256);
        out.write(b);
        copy.write(b);
        written++;
      } else {
        byte[] bytes = new byte[random.nextInt(3 * ChunkedBody.CHUNK_BYTES / 2)];
        random.nextBytes(bytes);
        int offset = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        out.write(bytes, offset, bytes.length - offset);
        copy.write(bytes, offset, bytes.length - offset);
        written += bytes.length - offset;
      }
    }
  }
}
