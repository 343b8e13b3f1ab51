package dev.cuegate.rest;

import static dev.cuegate.rest.RestGatewayTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.testing.GatewayExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A body over MAX_REQUEST_BYTES is refused with 413 and the JSON error body. */
class RequestLimitsTest {
  @RegisterExtension
  static final GatewayExtension gateway = new GatewayExtension().env("MAX_REQUEST_BYTES", "1KiB");

  @Test
  void bodyOverTheLimitIs413() {
    String big = "{\"name\":\"" + "x".repeat(2048) + "\"}";

    HttpResponse<String> response = gateway.post("/show.ShowInterface/FindShow", big);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(json(response).get("code").asInt()).isEqualTo(3);
    assertThat(gateway.cuebot().callCount("show.ShowInterface/FindShow")).isZero();
  }

  @Test
  void bodyUnderTheLimitPasses() {
    assertThat(gateway.post("/show.ShowInterface/FindShow", "{\"name\":\"testing\"}").statusCode())
        .isEqualTo(200);
  }
}
