package dev.cuegate.rest;

import static dev.cuegate.rest.RestGatewayTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.proto.job.GroupInterfaceGrpc;
import dev.cuegate.proto.job.GroupSetMinCoresRequest;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.SampleFarm;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Unknown input fields, Kubernetes-style: the SetMinCores example of OpenCue's gateway
 * documentation sends {@code cores} where the field is {@code min_cores}; the Go gateway silently sets the minimum to 0.
 */
class FieldValidationTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static final String GROUP_ID = SampleFarm.id("group", "testing/testing");
  private static final String SEED_BODY =
      "{\"group\":{\"id\":\"" + GROUP_ID + "\"},\"cores\":4}";
  private static final String SET_MIN_CORES = "/job.GroupInterface/SetMinCores";

  @Test
  void unknownFieldIsWarnedAboutByDefaultAndTheCallProceeds() {
    HttpResponse<String> response = gateway.post(SET_MIN_CORES, SEED_BODY);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().allValues("warning"))
        .containsExactly("299 - \"unknown field \\\"cores\\\"\"");
    assertThat(gateway.cuebot().callCount("job.GroupInterface/SetMinCores")).isEqualTo(1);
  }

  @Test
  void everyUnknownFieldGetsItsOwnWarningWithItsPath() {
    HttpResponse<String> response =
        gateway.post(
            SET_MIN_CORES,
            "{\"group\":{\"id\":\"" + GROUP_ID + "\",\"colour\":\"red\"},\"cores\":4,\"min_cores\":2}");

    assertThat(response.headers().allValues("warning"))
        .containsExactlyInAnyOrder(
            "299 - \"unknown field \\\"group.colour\\\"\"", "299 - \"unknown field \\\"cores\\\"\"");
    GroupSetMinCoresRequest sent =
        gateway.cuebot().lastRequest(GroupInterfaceGrpc.getSetMinCoresMethod()).orElseThrow();
    assertThat(sent.getMinCores()).isEqualTo(2f);
  }

  @Test
  void strictModeRefusesUnknownFieldsAndSendsNothingUpstream() {
    HttpResponse<String> response = gateway.post(SET_MIN_CORES + "?fieldValidation=Strict", SEED_BODY);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("code").asInt()).isEqualTo(3);
    assertThat(json(response).get("message").asText()).contains("\"cores\"");
    assertThat(gateway.cuebot().callCount("job.GroupInterface/SetMinCores")).isZero();
  }

  @Test
  void strictModeCanBeChosenByHeader() {
    HttpResponse<String> response =
        gateway.send(
            gateway
                .request(SET_MIN_CORES)
                .header("X-Field-Validation", "Strict")
                .POST(HttpRequest.BodyPublishers.ofString(SEED_BODY))
                .build());

    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void ignoreModeIsSilentLikeTheGoGateway() {
    HttpResponse<String> response = gateway.post(SET_MIN_CORES + "?fieldValidation=Ignore", SEED_BODY);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().allValues("warning")).isEmpty();
  }

  @Test
  void strictModeAcceptsAKnownBody() {
    HttpResponse<String> response =
        gateway.post(
            SET_MIN_CORES + "?fieldValidation=Strict",
            "{\"group\":{\"id\":\"" + GROUP_ID + "\"},\"min_cores\":4}");

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void anInvalidModeIs400() {
    HttpResponse<String> response = gateway.post(SET_MIN_CORES + "?fieldValidation=Loose", SEED_BODY);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("Loose");
  }
}
