package dev.cuegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CORS, rate limit, limit, authorization and Cuebot TLS settings. */
class SecurityConfigTest {
  private static final String SECRET = "a-very-private-signing-secret-0123456789";

  private static GatewayConfig load(String... keysAndValues) {
    Map<String, String> env = new HashMap<>();
    env.put("JWT_SECRET", SECRET);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      env.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return EnvConfigLoader.load(env).config();
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    GatewayConfig.Security security = load().security();

    assertThat(security.cors().origins()).containsExactly("*");
    assertThat(security.cors().headers()).containsExactly("*");
    assertThat(security.cors().methods()).containsExactly("POST", "GET", "OPTIONS");
    assertThat(security.cors().maxAge()).isEqualTo(Duration.ofMinutes(10));
    assertThat(security.cors().allowCredentials()).isFalse();
    assertThat(security.rateLimit()).isEqualTo(new GatewayConfig.RateLimit(100, 100));
    assertThat(security.limits())
        .isEqualTo(new GatewayConfig.Limits(64 * 1024, Duration.ofSeconds(60), 512));
    assertThat(security.authzPolicyFile()).isEmpty();
    assertThat(load().upstream().tls())
        .isEqualTo(new GatewayConfig.UpstreamTls(false, Optional.empty()));
  }

  @Test
  void validValuesAreTaken() {
    GatewayConfig config =
        load(
            "CORS_METHODS", "post, put",
            "CORS_MAX_AGE", "1h",
            "CORS_ORIGINS", "https://cueweb.example.com",
            "CORS_ALLOW_CREDENTIALS", "true",
            "RATE_LIMIT_RPS", "10",
            "RATE_LIMIT_BURST", "50",
            "MAX_HEADER_BYTES", "16KiB",
            "IDLE_TIMEOUT", "0s",
            "MAX_IN_FLIGHT", "3",
            "CUEBOT_TLS", "true");

    assertThat(config.security().cors().methods()).containsExactly("POST", "PUT");
    assertThat(config.security().cors().maxAge()).isEqualTo(Duration.ofHours(1));
    assertThat(config.security().cors().allowCredentials()).isTrue();
    assertThat(config.security().rateLimit()).isEqualTo(new GatewayConfig.RateLimit(10, 50));
    assertThat(config.security().limits())
        .isEqualTo(new GatewayConfig.Limits(16 * 1024, Duration.ZERO, 3));
    assertThat(config.upstream().tls().enabled()).isTrue();
  }

  @Test
  void theBurstFollowsTheRateUnlessSet() {
    assertThat(load("RATE_LIMIT_RPS", "7").security().rateLimit().burst()).isEqualTo(7);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CORS_METHODS|FETCH",
        "CORS_MAX_AGE|10",
        "CORS_ALLOW_CREDENTIALS|maybe",
        "RATE_LIMIT_BURST|0",
        "MAX_HEADER_BYTES|0",
        "MAX_HEADER_BYTES|4GiB",
        "IDLE_TIMEOUT|-1s",
        "MAX_IN_FLIGHT|0",
        "CUEBOT_TLS|yesplease",
      })
  void badValuesFailNamingTheVariable(String variable, String value) {
    assertThatThrownBy(() -> load(variable, value))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(variable + ": expected ")
        .hasMessageContaining("'" + value + "'");
  }

  @Test
  void credentialsWithAnyOriginAreRefusedAtStart() {
    assertThatThrownBy(() -> load("CORS_ALLOW_CREDENTIALS", "true"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("CORS_ALLOW_CREDENTIALS: ")
        .hasMessageContaining("'*'");
  }

  @Test
  void aCaFileWithoutCuebotTlsIsRefused(@TempDir Path dir) throws IOException {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "ca");

    assertThatThrownBy(() -> load("CUEBOT_CA_FILE", ca.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("CUEBOT_CA_FILE: ");
  }

  @Test
  void aMissingCaFileIsRefused(@TempDir Path dir) {
    assertThatThrownBy(
            () -> load("CUEBOT_TLS", "true", "CUEBOT_CA_FILE", dir.resolve("none").toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("CUEBOT_CA_FILE: ");
  }

  @Test
  void thePolicyFileIsKeptAsAPathForTheServerToRead(@TempDir Path dir) throws IOException {
    Path policy = Files.writeString(dir.resolve("p.json"), "{\"roles\":{\"v\":[\"read-only\"]}}");

    GatewayConfig config = load("AUTHZ_POLICY_FILE", policy.toString());

    assertThat(config.security().authzPolicyFile()).contains(policy);
    assertThat(ConfigView.of(config)).containsEntry("AUTHZ_POLICY_FILE", policy.toString());
  }
}
