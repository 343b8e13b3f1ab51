package dev.cuegate.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.testing.GatewayExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** FIELD_VALIDATION chooses the default mode; a request may still relax it. */
class StrictByDefaultTest {
  @RegisterExtension
  static final GatewayExtension gateway = new GatewayExtension().env("FIELD_VALIDATION", "Strict");

  @Test
  void globalStrictRefusesUnknownFields() {
    assertThat(gateway.post("/show.ShowInterface/FindShow", "{\"nme\":\"testing\"}").statusCode())
        .isEqualTo(400);
  }

  @Test
  void aRequestMayAskForWarnInstead() {
    assertThat(
            gateway
                .post("/show.ShowInterface/FindShow?fieldValidation=Warn", "{\"nme\":\"x\",\"name\":\"testing\"}")
                .statusCode())
        .isEqualTo(200);
  }
}
