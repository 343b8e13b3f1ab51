package dev.cuegate.rest;

import static dev.cuegate.rest.RestGatewayTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuegate.testing.GatewayExtension;
import io.grpc.Status;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the client sees when Cuebot answers an error, is slow, or is gone. */
class UpstreamFailuresTest {
  @RegisterExtension
  static final GatewayExtension gateway = new GatewayExtension().env("GRPC_TIMEOUT", "20s");

  private static final String GET_SHOWS = "show.ShowInterface/GetShows";

  @ParameterizedTest
  @CsvSource({
    "CANCELLED,499", "UNKNOWN,500", "INVALID_ARGUMENT,400", "DEADLINE_EXCEEDED,504",
    "NOT_FOUND,404", "ALREADY_EXISTS,409", "PERMISSION_DENIED,403", "RESOURCE_EXHAUSTED,429",
    "FAILED_PRECONDITION,400", "ABORTED,409", "OUT_OF_RANGE,400", "UNIMPLEMENTED,501",
    "INTERNAL,500", "UNAVAILABLE,503", "DATA_LOSS,500", "UNAUTHENTICATED,401"
  })
  void everyUpstreamStatusMapsToItsHttpStatus(String code, int http) {
    Status.Code grpc = Status.Code.valueOf(code);
    gateway.cuebot().failNext(GET_SHOWS, Status.fromCode(grpc).withDescription("forced " + code));

    HttpResponse<String> response = gateway.post("/" + GET_SHOWS, "{}");

    assertThat(response.statusCode()).isEqualTo(http);
    JsonNode body = json(response);
    assertThat(body.get("code").asInt()).isEqualTo(grpc.value());
    assertThat(body.get("message").asText()).isEqualTo("forced " + code);
  }

  @Test
  void clientDeadlineShorterThanTheAnswerIs504() {
    gateway.cuebot().delayNext(GET_SHOWS, Duration.ofSeconds(5));

    HttpResponse<String> response =
        gateway.send(
            gateway
                .request("/" + GET_SHOWS)
                .header("Grpc-Timeout", "200m")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(json(response).get("code").asInt()).isEqualTo(4);
  }

  @Test
  void cuebotDownIs503AtOnceAndTheGatewayRecoversWhenItReturns() {
    gateway.cuebot().stop();

    HttpResponse<String> down = gateway.post("/" + GET_SHOWS, "{}");

    // 503 rather than 504 proves the call did not wait for its 20 s deadline.
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(json(down).get("code").asInt()).isEqualTo(14);

    gateway.cuebot().restart();

    assertThat(eventuallyOk()).isEqualTo(200);
  }

  /** The channel reconnects in the background. */
  private static int eventuallyOk() {
    return await().atMost(Duration.ofSeconds(30))
        .until(() -> gateway.post("/" + GET_SHOWS, "{}").statusCode(), status -> status == 200);
  }
}
