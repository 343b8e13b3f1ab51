package dev.cuegate.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.testing.GatewayExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With WORKER_REGISTRATION_SECRET, only holders of a token signed with it register workers. */
class RegistrationSecretTest {
  private static final String SECRET = "worker-registration-secret";

  @RegisterExtension
  static final GatewayExtension gateway = new GatewayExtension().embedded()
      .env("WORKER_SECRET_ITERATIONS", "1000")
      .env("WORKER_REGISTRATION_SECRET", SECRET);

  private static final String REGISTRATION =
      "{\"secret\":\"abc\",\"platform\":\"linux\",\"supported_task_types\":[\"exec\"]}";

  /** An HS256 JWT with {@code exp} and {@code iat} as fractional seconds, as Flamenco writes. */
  private static String token(String secret, double expiresInSeconds) {
    double now = System.currentTimeMillis() / 1000.0;
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    String header = base64.encodeToString(
        "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String claims = base64.encodeToString(String.format(Locale.ROOT,
        "{\"exp\":%.6f,\"iat\":%.6f}", now + expiresInSeconds, now)
        .getBytes(StandardCharsets.UTF_8));
    String input = header + "." + claims;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return input + "." + base64.encodeToString(
          mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> register(String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri("/register-worker"))
        .POST(HttpRequest.BodyPublishers.ofString(REGISTRATION));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return TestWorker.send(gateway, request);
  }

  @Test
  void aTokenSignedWithTheSecretRegistersEvenWithFractionalTimes() {
    HttpResponse<String> response = register("Bearer " + token(SECRET, 300.25));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(TestWorker.parse(response.body()).get("_id").asText()).matches("[0-9a-f]{24}");
  }

  @Test
  void registrationWithoutAGoodTokenIs403() {
    assertThat(register(null).statusCode()).isEqualTo(403);
    assertThat(register("Bearer " + token("another-secret", 300)).statusCode()).isEqualTo(403);
    assertThat(register("Bearer " + token(SECRET, -3600)).statusCode()).isEqualTo(403);
    assertThat(register("Bearer not.a.jwt").statusCode()).isEqualTo(403);
    assertThat(register("Basic " + token(SECRET, 300)).statusCode()).isEqualTo(403);
  }
}
