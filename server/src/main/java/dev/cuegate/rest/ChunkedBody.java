package dev.cuegate.rest;

import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.stream.StreamMessage;
import com.linecorp.armeria.common.stream.StreamMessageDuplicator;
import com.linecorp.armeria.common.stream.StreamMessageWrapper;
import com.linecorp.armeria.common.stream.StreamWriter;
import com.linecorp.armeria.common.stream.SubscriptionOption;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Subscriber;

/**
 * A response body written through an {@link OutputStream} on another thread, once the response is
 * subscribed to, in chunks of pooled buffers handed over without a copy.
 *
 * <p>Armeria's {@code StreamMessage.fromOutputStream} copies every write into a new array: for a
 * 70 MB answer, 70 MB of garbage that fills the young generation several times and promotes
 * whatever is live (the answer itself) into the old one. Here a chunk is filled in a buffer from
 * the connection's allocator and given to the response whole; the socket write releases it. The
 * writer waits until the client has taken the chunk before the last, so at most two chunks are
 * ahead of the connection whatever the answer's size.
 */
final class ChunkedBody extends StreamMessageWrapper<HttpData> {
  /** Large enough that the hand-offs between threads are few, small against any answer here. */
  static final int CHUNK_BYTES = 64 * 1024;

  /** Writes the whole body to the stream it is given, or throws. */
  @FunctionalInterface
  interface Producer {
    void writeTo(OutputStream out) throws IOException;
  }

  private final StreamWriter<HttpData> writer;
  private final Producer producer;
  private final ByteBufAllocator allocator;
  private final Executor executor;
  private final AtomicBoolean started = new AtomicBoolean();

  private ChunkedBody(
      StreamWriter<HttpData> writer,
      Producer producer,
      ByteBufAllocator allocator,
      Executor executor) {
    super(writer);
    this.writer = writer;
    this.producer = producer;
    this.allocator = allocator;
    this.executor = executor;
  }

  /** A body {@code producer} writes on {@code executor}, in buffers of {@code allocator}. */
  static StreamMessage<HttpData> of(
      Producer producer, ByteBufAllocator allocator, Executor executor) {
    return new ChunkedBody(StreamMessage.streaming(), producer, allocator, executor);
  }

  @Override
  public void subscribe(
      Subscriber<? super HttpData> subscriber,
      EventExecutor subscriberExecutor,
      SubscriptionOption... options) {
    start();
    super.subscribe(subscriber, subscriberExecutor, options);
  }

  @Override
  public CompletableFuture<List<HttpData>> collect(
      EventExecutor subscriberExecutor, SubscriptionOption... options) {
    start();
    return super.collect(subscriberExecutor, options);
  }

  @Override
  public StreamMessageDuplicator<HttpData> toDuplicator(EventExecutor subscriberExecutor) {
    start();
    return super.toDuplicator(subscriberExecutor);
  }

  @Override
  public StreamMessageDuplicator<HttpData> toDuplicator() {
    start();
    return super.toDuplicator();
  }

  /** Every way of consuming the body starts the producer: none may leave the client waiting. */
  private void start() {
    if (started.compareAndSet(false, true)) {
      executor.execute(this::produce);
    }
  }

  private void produce() {
    Chunks out = new Chunks(writer, allocator);
    try {
      producer.writeTo(out);
      out.finish();
    } catch (IOException | RuntimeException e) {
      out.discard();
      writer.abort(e);
    }
  }

  /** The stream the producer writes to. Not thread-safe: one producer thread. */
  static final class Chunks extends OutputStream {
    private static final CompletableFuture<Void> TAKEN = CompletableFuture.completedFuture(null);

    private final StreamWriter<HttpData> writer;
    private final ByteBufAllocator allocator;
    private ByteBuf chunk;
    /** Completes when the client has taken every chunk but the last one handed over. */
    private CompletableFuture<Void> previousTaken = TAKEN;

    Chunks(StreamWriter<HttpData> writer, ByteBufAllocator allocator) {
      this.writer = writer;
      this.allocator = allocator;
    }

    @Override
    public void write(int b) throws IOException {
      current().writeByte(b);
      if (!chunk.isWritable()) {
        handOver();
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      int position = offset;
      int remaining = length;
      while (remaining > 0) {
        ByteBuf buffer = current();
        int n = Math.min(remaining, buffer.writableBytes());
        buffer.writeBytes(bytes, position, n);
        position += n;
        remaining -= n;
        if (!buffer.isWritable()) {
          handOver();
        }
      }
    }

    /** Hands over what is left and ends the body. */
    void finish() throws IOException {
      if (chunk != null && chunk.isReadable()) {
        handOver();
      }
      discard();
      writer.close();
    }

    /** Releases the chunk being filled, if any. */
    void discard() {
      if (chunk != null) {
        chunk.release();
        chunk = null;
      }
    }

    private ByteBuf current() {
      if (chunk == null) {
        chunk = allocator.directBuffer(CHUNK_BYTES, CHUNK_BYTES);
      }
      return chunk;
    }

    private void handOver() throws IOException {
      ByteBuf full = chunk;
      chunk = null;
      if (!writer.tryWrite(HttpData.wrap(full))) {
        full.release();
        throw new IOException("the response was closed before its body was complete");
      }
      try {
        previousTaken.join();
      } catch (CompletionException e) {
        throw new IOException("the response was aborted while its body was written", e.getCause());
      }
      previousTaken = writer.whenConsumed();
    }
  }
}
