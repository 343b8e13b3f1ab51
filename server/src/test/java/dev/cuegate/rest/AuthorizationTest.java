package dev.cuegate.rest;

import static dev.cuegate.rest.RestGatewayTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.cuegate.audit.AuditLog;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.LogCapture;
import dev.cuegate.testing.PolicyFiles;
import dev.cuegate.testing.Tokens;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** AUTHZ_POLICY_FILE: which methods a token's role may call. */
class AuthorizationTest {
  private static final String POLICY =
      """
      {"claim": "role",
       "roles": {"viewer": ["read-only"], "operator": ["read-only", "show.ShowInterface/*"]}}
      """;

  @RegisterExtension
  static final GatewayExtension gateway =
      new GatewayExtension().env("AUTHZ_POLICY_FILE", PolicyFiles.write(POLICY).toString());


  @Test
  void aViewerMayRead() {
    HttpResponse<String> response = call("viewer", "/show.ShowInterface/GetActiveShows", "{}");

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void aViewerMayNotChangeAnythingAndIsToldWhichRoleRefused() {
    HttpResponse<String> response =
        call("viewer", "/show.ShowInterface/CreateShow", "{\"name\":\"new\"}");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(json(response).get("code").asInt()).isEqualTo(7);
    assertThat(json(response).get("message").asText())
        .contains("show.ShowInterface/CreateShow")
        .contains("role 'viewer'");
    assertThat(gateway.cuebot().callCount("show.ShowInterface/CreateShow")).isZero();
  }

  @Test
  void aRefusedMutatingCallIsAudited() throws IOException {
    try (LogCapture audit = LogCapture.info(AuditLog.LOGGER)) {
      call("viewer", "/job.JobInterface/Kill", "{\"job\":{\"id\":\"job-7\"}}");

      JsonNode line = new ObjectMapper().readTree(audit.next(Duration.ofSeconds(10)));

      assertThat(line.get("subject").asText()).isEqualTo("someone");
      assertThat(line.get("method").asText()).isEqualTo("job.JobInterface/Kill");
      assertThat(line.get("targets").get("job.id").asText()).isEqualTo("job-7");
      assertThat(line.get("status").asInt()).isEqualTo(403);
      assertThat(line.get("code").asInt()).isEqualTo(7);
    }
  }

  @Test
  void anOperatorMayCallWhatItsPatternAllows() {
    HttpResponse<String> create =
        call("operator", "/show.ShowInterface/CreateShow", "{\"name\":\"new\"}");

    assertThat(create.statusCode()).isNotEqualTo(403);
    assertThat(call("operator", "/job.JobInterface/Kill", "{\"job\":{\"id\":\"x\"}}").statusCode())
        .isEqualTo(403);
  }

  @Test
  void aTokenWithoutARoleIsRefused() {
    HttpResponse<String> response = gateway.post("/show.ShowInterface/GetActiveShows", "{}");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(json(response).get("message").asText()).contains("no role claim");
  }

  @Test
  void unknownPathsAreStill404() {
    assertThat(call("viewer", "/show.ShowInterface/NoSuchMethod", "{}").statusCode())
        .isEqualTo(404);
  }

  private static HttpResponse<String> call(String role, String path, String json) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder(Tokens.claims("someone", Instant.now().plus(Duration.ofHours(1))))
            .claim("role", role)
            .build();
    String token = Tokens.sign(JWSAlgorithm.HS256, Tokens.SECRET, claims);
    return gateway.send(
        HttpRequest.newBuilder(gateway.uri(path))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }
}
