package dev.cuegate.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Through the real gateway: identical reads in flight cost the fake Cuebot one call per scope. */
class SharedReadsTest {
  private static final String GET_JOBS = "job.JobInterface/GetJobs";
  private static final String BODY = "{\"r\":{\"shows\":[\"testing\"],\"include_finished\":true}}";
  /** Long enough for every concurrent request to arrive while the first is still upstream. */
  private static final Duration HOLD = Duration.ofSeconds(3);

  @RegisterExtension
  static final GatewayExtension gateway =
      new GatewayExtension().env("AUTHZ_POLICY_FILE", policyFile().toString());

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static Path policyFile() {
    try {
      Path file = Files.createTempFile("cuegate-policy", ".json");
      file.toFile().deleteOnExit();
      return Files.writeString(file,
          "{\"roles\": {\"viewer\": [\"read-only\"], \"operator\": [\"read-only\", \"job.*/*\"]}}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void twentyIdenticalReadsInFlightCostOneCuebotCall() {
    gateway.cuebot().delayNext(GET_JOBS, HOLD);

    List<HttpResponse<String>> answers =
        concurrently(20, i -> token("viewer", "user" + i), GET_JOBS);

    assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
    assertThat(answers.stream().map(HttpResponse::body).distinct()).hasSize(1);
    assertThat(answers.get(0).body()).contains("\"jobs\"");
    assertThat(gateway.cuebot().callCount(GET_JOBS)).isEqualTo(1);
    assertThat(gateway.admin("/metrics").body()).contains("cuegate_reads_shared_total");
  }

  @Test
  void tokensOfDifferentAuthorizationScopesNeverShare() {
    gateway.cuebot().delayNext(GET_JOBS, HOLD);
    gateway.cuebot().delayNext(GET_JOBS, HOLD);

    List<HttpResponse<String>> answers = concurrently(
        10, i -> token(i % 2 == 0 ? "viewer" : "operator", "user" + i), GET_JOBS);

    assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
    assertThat(gateway.cuebot().callCount(GET_JOBS)).isEqualTo(2);
  }

  @Test
  void identicalMutationsInFlightEachReachCuebot() {
    String pause = "job.JobInterface/Pause";
    gateway.cuebot().delayNext(pause, HOLD);

    List<HttpResponse<String>> answers = concurrently(5, i -> token("operator", "ops"), pause);

    assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isLessThan(500));
    assertThat(gateway.cuebot().callCount(pause)).isEqualTo(5);
  }

  private List<HttpResponse<String>> concurrently(
      int clients, IntFunction<String> tokens, String method) {
    String body = method.equals(GET_JOBS) ? BODY : "{\"job\":{\"id\":\"no-such-job\"}}";
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    IntStream.range(0, clients).forEach(i -> calls.add(client.sendAsync(
        HttpRequest.newBuilder(gateway.uri("/" + method))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + tokens.apply(i))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString())));
    return calls.stream().map(CompletableFuture::join).toList();
  }

  private static String token(String role, String subject) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder(Tokens.claims(subject, Instant.now().plus(Duration.ofHours(1))))
            .claim("role", role)
            .build();
    return Tokens.sign(JWSAlgorithm.HS256, Tokens.SECRET, claims);
  }
}
