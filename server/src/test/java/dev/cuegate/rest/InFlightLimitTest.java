package dev.cuegate.rest;

import static dev.cuegate.rest.RestGatewayTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.Server;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MAX_IN_FLIGHT: a request over the limit is answered 503 at once instead of queueing. */
class InFlightLimitTest {
  private final InFlightLimitDecorator limit = new InFlightLimitDecorator(1);
  private final CountDownLatch arrived = new CountDownLatch(1);
  private final CompletableFuture<com.linecorp.armeria.common.HttpResponse> release =
      new CompletableFuture<>();
  private final HttpClient client = HttpClient.newHttpClient();
  private Server server;

  @BeforeEach
  void start() {
    HttpService held =
        (ctx, req) -> {
          arrived.countDown();
          return com.linecorp.armeria.common.HttpResponse.of(release);
        };
    server = Server.builder().http(0).service("/held", held.decorate(limit)).build();
    server.start().join();
  }

  @AfterEach
  void stop() {
    release.complete(com.linecorp.armeria.common.HttpResponse.of(200));
    server.stop().join();
  }

  @Test
  void aRequestOverTheLimitIs503WithRetryAfterAndTheJsonBody() throws Exception {
    CompletableFuture<HttpResponse<String>> first =
        client.sendAsync(request(), HttpResponse.BodyHandlers.ofString());
    assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();

    HttpResponse<String> second = client.send(request(), HttpResponse.BodyHandlers.ofString());

    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(second.headers().firstValue("retry-after")).contains("1");
    assertThat(json(second).get("code").asInt()).isEqualTo(14);
    release.complete(com.linecorp.armeria.common.HttpResponse.of(200));
    assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  @Test
  void theSlotIsFreedOnceTheResponseIsDone() throws Exception {
    release.complete(com.linecorp.armeria.common.HttpResponse.of(200));

    HttpResponse<String> response = client.send(request(), HttpResponse.BodyHandlers.ofString());
    server.stop().join();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(limit.inFlight()).isZero();
  }

  private HttpRequest request() {
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.activeLocalPort() + "/held"))
        .timeout(Duration.ofSeconds(30))
        .build();
  }
}
