package dev.cuegate.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.SseClient;
import dev.cuegate.testing.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A token sees an event iff the authorization policy lets it call the event's read method. */
class EventAuthorizationTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final GatewayExtension gateway =
      new GatewayExtension().env("AUTHZ_POLICY_FILE", policyFile().toString());

  private static Path policyFile() {
    try {
      Path file = Files.createTempFile("cuegate-policy", ".json");
      file.toFile().deleteOnExit();
      return Files.writeString(file, "{\"roles\": {\"viewer\": [\"read-only\"],"
          + " \"hosts\": [\"host.HostInterface/*\"],"
          + " \"launcher\": [\"job.JobInterface/Launch*\"]}}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aTokenSeesOnlyTheEventsItMayRead() throws Exception {
    try (SseClient hosts = SseClient.open(gateway.uri("/events"), token("hosts"), null);
        SseClient viewer = SseClient.open(gateway.uri("/events"), token("viewer"), null)) {
      hosts.next(WAIT);
      viewer.next(WAIT);
      gateway.gate().events().publish(EventType.FRAME_DEAD, "testing", "j", Map.of());
      gateway.gate().events().publish(EventType.HOST_DOWN, "", "", Map.of("host", "h1"));

      assertThat(JSON.readTree(hosts.nextData(WAIT).data()).get("type").asText())
          .isEqualTo("host.down");
      assertThat(JSON.readTree(viewer.nextData(WAIT).data()).get("type").asText())
          .isEqualTo("frame.dead");
      assertThat(JSON.readTree(viewer.nextData(WAIT).data()).get("type").asText())
          .isEqualTo("host.down");
    }
  }

  @Test
  void askingForTypesTheTokenMayNotReadIsA403NamingThem() throws Exception {
    HttpResponse<String> response = get("/events?types=frame.dead,host.down", token("hosts"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(response.body()).get("message").asText())
        .contains("frame.dead")
        .contains("job.JobInterface/GetFrames")
        .doesNotContain("host.down");
  }

  @Test
  void aTokenThatMayReadNothingIsRefused() {
    assertThat(get("/events", token("launcher")).statusCode()).isEqualTo(403);
  }

  private static HttpResponse<String> get(String path, String token) {
    return gateway.send(HttpRequest.newBuilder(gateway.uri(path))
        .header("Authorization", "Bearer " + token)
        .GET()
        .build());
  }

  private static String token(String role) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder(Tokens.claims("someone", Instant.now().plus(Duration.ofHours(1))))
            .claim("role", role)
            .build();
    return Tokens.sign(JWSAlgorithm.HS256, Tokens.SECRET, claims);
  }
}
