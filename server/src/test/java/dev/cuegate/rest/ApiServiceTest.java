package dev.cuegate.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.Server;
import dev.cuegate.config.FieldValidation;
import dev.cuegate.contract.ApiMethod;
import dev.cuegate.contract.MethodRegistry;
import dev.cuegate.transcode.Transcoder;
import dev.cuegate.upstream.Backend;
import dev.cuegate.upstream.UpstreamReply;
import io.grpc.ConnectivityState;
import io.grpc.Metadata;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
            Transcoder.create(),
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
    byte[] big = dev.cuegate.testing.SampleFarm.jobs(3000).toByteArray();
    WebClient client =
        serve(method -> CompletableFuture.completedFuture(new UpstreamReply(big, new Metadata())));

    AggregatedHttpResponse response = post(client, "/job.JobInterface/GetJobs");

    assertThat(big.length).isGreaterThan(256 * 1024);
    assertThat(response.status().code()).isEqualTo(200);
    assertThat(response.headers().contentLength()).isEqualTo(-1);
    assertThat(response.contentUtf8()).startsWith("{\"jobs\":{\"jobs\":[").endsWith("]}}");
  }
}
