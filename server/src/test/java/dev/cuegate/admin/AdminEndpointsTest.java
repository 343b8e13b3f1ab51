package dev.cuegate.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuegate.testing.GatewayExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Health, readiness and metrics on the admin port; none of them on the API port. */
class AdminEndpointsTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  @Test
  void healthzAnswersOkWithoutAToken() {
    HttpResponse<String> response = gateway.admin("/healthz");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("status").asText()).isEqualTo("ok");
  }

  @Test
  void readyzIsOkWhileCuebotAnswers() {
    HttpResponse<String> response = gateway.admin("/readyz");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("status").asText()).isEqualTo("ready");
  }

  @Test
  void readyzIs503WithTheReasonWhileCuebotIsDownAndRecoversWhenItReturns() {
    gateway.cuebot().stop();

    HttpResponse<String> down = eventually("/readyz", 503);

    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(json(down).get("status").asText()).isEqualTo("unavailable");
    assertThat(json(down).get("reason").asText())
        .contains("Cuebot at " + gateway.cuebot().target(), "UNAVAILABLE");

    gateway.cuebot().restart();

    assertThat(eventually("/readyz", 200).statusCode()).isEqualTo(200);
  }

  @Test
  void metricsAreInPrometheusTextFormat() {
    HttpResponse<String> response = gateway.admin("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/plain"));
    assertThat(response.body())
        .contains("# TYPE jvm_memory_used_bytes gauge")
        .contains("process_uptime_seconds")
        .contains("cuegate_requests_active");
  }

  @Test
  void adminRoutesAreNotServedOnTheApiPort() {
    HttpResponse<String> anonymous =
        gateway.send(HttpRequest.newBuilder(gateway.uri("/healthz")).GET().build());
    HttpResponse<String> withToken = gateway.send(gateway.request("/metrics").GET().build());

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(withToken.statusCode()).isEqualTo(404);
  }

  @Test
  void unknownAdminPathIs404() {
    assertThat(gateway.admin("/debug").statusCode()).isEqualTo(404);
  }

  /** Readiness follows the channel, which notices a stopped or restarted Cuebot in the background. */
  private static HttpResponse<String> eventually(String path, int status) {
    return await().atMost(Duration.ofSeconds(30))
        .until(() -> gateway.admin(path), response -> response.statusCode() == status);
  }
}
