package dev.cuegate.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.cuegate.audit.AuditLog;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.LogCapture;
import dev.cuegate.testing.ManualClock;
import dev.cuegate.testing.PolicyFiles;
import dev.cuegate.testing.Tokens;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The worker routes people call pass the API's guard: token, authorization policy, audit log and
 * rate limits, as {@code host.HostInterface/Lock} does.
 */
class PersonRoutesGuardTest {
  private static final String POLICY =
      """
      {"roles": {"viewer": ["read-only"],
                 "operator": ["read-only", "cuegate.WorkerInterface/*"]}}
      """;
  private static final int BURST = 4;
  private static final ManualClock clock = new ManualClock(Instant.now());

  @RegisterExtension
  static final GatewayExtension gateway =
      new GatewayExtension()
          .embedded()
          .clock(clock)
          .env("WORKER_SECRET_ITERATIONS", "1000")
          .env("AUTHZ_POLICY_FILE", PolicyFiles.write(POLICY).toString())
          .env("RATE_LIMIT_RPS", "1")
          .env("RATE_LIMIT_BURST", Integer.toString(BURST));

  private TestWorker worker;

  @BeforeEach
  void aRegisteredWorkerAndFullBuckets() {
    clock.advance(Duration.ofMinutes(1));
    worker = TestWorker.register(gateway, FarmJobs.unique("guarded"), "x");
  }

  @Test
  void aStatusRequestWithoutATokenIs401FromTheGuard() {
    HttpResponse<String> response = requestStatus(null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("www-authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge).startsWith("Bearer"));
    assertThat(TestWorker.parse(response.body()).get("code").asInt()).isEqualTo(16);
  }

  @Test
  void aReadOnlyRoleMayListWorkersButNotRequestAStatus() {
    HttpResponse<String> list = gateway.send(HttpRequest.newBuilder(gateway.uri("/api/workers"))
        .header("Authorization", "Bearer " + token("viewer"))
        .GET()
        .build());
    HttpResponse<String> request = requestStatus(token("viewer"));

    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(request.statusCode()).isEqualTo(403);
    assertThat(TestWorker.parse(request.body()).get("message").asText())
        .contains("cuegate.WorkerInterface/RequestStatus")
        .contains("role 'viewer'");
    assertThat(worker.fetch().statusCode()).as("nothing was requested").isNotEqualTo(423);
  }

  @Test
  void statusRequestsAreAuditedWhetherAllowedOrRefused() throws IOException {
    try (LogCapture audit = LogCapture.info(AuditLog.LOGGER)) {
      assertThat(requestStatus(token("operator")).statusCode()).isEqualTo(204);
      assertThat(requestStatus(token("viewer")).statusCode()).isEqualTo(403);

      JsonNode allowed = TestWorker.JSON.readTree(audit.next(Duration.ofSeconds(10)));
      JsonNode refused = TestWorker.JSON.readTree(audit.next(Duration.ofSeconds(10)));

      assertThat(allowed.get("method").asText()).isEqualTo("cuegate.WorkerInterface/RequestStatus");
      assertThat(allowed.get("subject").asText()).isEqualTo("operator");
      assertThat(allowed.get("targets").get("id").asText()).isEqualTo(worker.id);
      assertThat(allowed.get("status").asInt()).isEqualTo(204);
      assertThat(refused.get("subject").asText()).isEqualTo("viewer");
      assertThat(refused.get("status").asInt()).isEqualTo(403);
    }
  }

  @Test
  void statusRequestsAreRateLimitedLikeApiCalls() {
    for (int i = 0; i < BURST; i++) {
      assertThat(requestStatus(token("operator")).statusCode()).isEqualTo(204);
    }

    HttpResponse<String> limited = requestStatus(token("operator"));

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("retry-after")).isPresent();
  }

  private HttpResponse<String> requestStatus(String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(gateway.uri("/api/workers/" + worker.id + "/status-request"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"asleep\",\"lazy\":true}"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return gateway.send(request.build());
  }

  /** A token whose {@code role} claim is {@code role}, with the role as its subject. */
  private static String token(String role) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder(Tokens.claims(role, Instant.now().plus(Duration.ofHours(1))))
            .claim("role", role)
            .build();
    return Tokens.sign(JWSAlgorithm.HS256, Tokens.SECRET, claims);
  }
}
