package dev.cuegate.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.Server;
import dev.cuegate.config.FieldValidation;
import dev.cuegate.contract.ApiMethod;
import dev.cuegate.contract.MethodRegistry;
import dev.cuegate.testing.SampleFarm;
import dev.cuegate.transcode.MessageCodec;
import dev.cuegate.transcode.Transcoder;
import dev.cuegate.upstream.Backend;
import dev.cuegate.upstream.UpstreamReply;
import io.grpc.ConnectivityState;
import io.grpc.Metadata;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST handler against a scripted backend, for answers a real Cuebot cannot be made to give. */
class ApiServiceTest {
  private Server server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop().join();
    }
  }

  private WebClient serve(Function<ApiMethod, CompletableFuture<UpstreamReply>> answers) {
    return serve(Transcoder.create(), answers);
  }

  private WebClient serve(
      Transcoder transcoder, Function<ApiMethod, CompletableFuture<UpstreamReply>> answers) {
    Backend backend =
        new Backend() {
          @Override
          public CompletableFuture<UpstreamReply> call(
              ApiMethod method, byte[] request, Metadata headers, Duration timeout) {
            return answers.apply(method);
          }

          @Override
          public ConnectivityState state() {
            return ConnectivityState.READY;
          }

          @Override
          public String target() {
            return "scripted";
          }

          @Override
          public void close() {}
        };
    ApiService api =
        new ApiService(
            MethodRegistry.opencue(List.of()),
            transcoder,
            backend,
            FieldValidation.WARN,
            Duration.ofSeconds(5));
    server =
        Server.builder()
            .http(0)
            .gracefulShutdownTimeout(Duration.ZERO, Duration.ZERO)
            .serviceUnder("/", api)
            .build();
    server.start().join();
    return WebClient.of("http://127.0.0.1:" + server.activeLocalPort());
  }

  private static AggregatedHttpResponse post(WebClient client, String path) {
    return client.prepare().post(path).content(MediaType.JSON_UTF_8, "{}").execute().aggregate().join();
  }

  @Test
  void unreadableUpstreamAnswerIs502NotTheClientsFault() {
    byte[] garbage = {(byte) 0x0a, (byte) 0xff, (byte) 0xff};
    WebClient client =
        serve(method -> CompletableFuture.completedFuture(new UpstreamReply(garbage, new Metadata())));

    AggregatedHttpResponse response = post(client, "/show.ShowInterface/GetShows");

    assertThat(response.status().code()).isEqualTo(502);
    assertThat(response.contentUtf8()).contains("\"code\":13").contains("cannot be read");
  }

  @Test
  void largeAnswersAreStreamedAndComplete() {
    byte[] big = SampleFarm.jobs(3000).toByteArray();
    WebClient client =
        serve(method -> CompletableFuture.completedFuture(new UpstreamReply(big, new Metadata())));

    AggregatedHttpResponse response = post(client, "/job.JobInterface/GetJobs");

    assertThat(big.length).isGreaterThan(256 * 1024);
    assertThat(response.status().code()).isEqualTo(200);
    assertThat(response.headers().contentLength()).isEqualTo(-1);
    assertThat(response.contentUtf8()).startsWith("{\"jobs\":{\"jobs\":[").endsWith("]}}");
  }

  @Test
  void aClientThatStopsReadingStopsTheRendering() throws Exception {
    byte[] big = SampleFarm.jobs(20_000).toByteArray();
    Rendering rendered = new Rendering();
    serve(countingRendered(Transcoder.create(), rendered),
        method -> CompletableFuture.completedFuture(new UpstreamReply(big, new Metadata())));

    try (Socket socket = new Socket()) {
      // A small window: what the gateway renders beyond it waits in its socket buffer at most.
      socket.setReceiveBufferSize(16 * 1024);
      socket.connect(new InetSocketAddress("127.0.0.1", server.activeLocalPort()));
      socket.getOutputStream().write((
          "POST /job.JobInterface/GetJobs HTTP/1.1\r\nHost: gateway\r\n"
              + "Content-Type: application/json\r\nContent-Length: 2\r\n"
              + "Connection: close\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      assertThat(in.read()).isEqualTo('H');
      // Blocked inside a write, not merely slow: a thread starved of CPU would be RUNNABLE.
      await().atMost(Duration.ofSeconds(30)).during(Duration.ofMillis(500))
          .until(rendered::blockedWriting);
      long whileStalled = rendered.bytes.get();

      long received = 1 + in.transferTo(OutputStream.nullOutputStream());

      long json = rendered.bytes.get();
      assertThat(json).isGreaterThan(20_000_000);
      assertThat(received).isGreaterThan(json);
      assertThat(whileStalled).isLessThan(json / 2);
    }
  }

  /** The JSON bytes rendered so far, and the thread rendering them while it is inside a write. */
  private static final class Rendering {
    final AtomicLong bytes = new AtomicLong();
    private volatile Thread writing;

    /** The renderer waits for the client to take what it wrote: rendering has stopped. */
    boolean blockedWriting() {
      Thread thread = writing;
      if (thread == null) {
        return false;
      }
      Thread.State state = thread.getState();
      return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    void write(Runnable write, int length) {
      writing = Thread.currentThread();
      try {
        write.run();
      } finally {
        writing = null;
      }
      bytes.addAndGet(length);
    }
  }

  /** {@code transcoder}, counting the JSON bytes its codecs render into {@code rendered}. */
  private static Transcoder countingRendered(Transcoder transcoder, Rendering rendered) {
    return type -> {
      MessageCodec codec = transcoder.codec(type);
      return new MessageCodec() {
        @Override
        public byte[] toProto(InputStream json, List<String> unknownFields) {
          return codec.toProto(json, unknownFields);
        }

        @Override
        public void toJson(byte[] proto, OutputStream out) throws IOException {
          codec.toJson(
              proto,
              new FilterOutputStream(out) {
                @Override
                public void write(byte[] bytes, int offset, int length) {
                  rendered.write(() -> writeQuietly(out, bytes, offset, length), length);
                }

                @Override
                public void write(int b) {
                  rendered.write(() -> writeQuietly(out, new byte[] {(byte) b}, 0, 1), 1);
                }
              });
        }
      };
    };
  }

  private static void writeQuietly(OutputStream out, byte[] bytes, int offset, int length) {
    try {
      out.write(bytes, offset, length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
