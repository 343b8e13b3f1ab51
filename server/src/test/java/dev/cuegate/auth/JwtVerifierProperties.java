package dev.cuegate.auth;

import static dev.cuegate.testing.RandomChecks.forAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuegate.testing.RandomChecks;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The HMAC computed by the JDK from the raw secret is the oracle, for every secret length. */
class JwtVerifierProperties {

  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String[][] ALGORITHMS = {
      {"HS256", "HmacSHA256"}, {"HS384", "HmacSHA384"}, {"HS512", "HmacSHA512"}};

  @Test
  void tokenSignedWithTheSecretVerifies() {
    forAll(
        300,
        random -> {
          byte[] secret = RandomChecks.bytes(random, 1, 200);
          String subject = RandomChecks.string(random, 20);
          int alg = random.nextInt(ALGORITHMS.length);
          String token = token(secret, subject, alg);
          JwtVerifier verifier = JwtVerifier.builder(secret).clock(CLOCK).build();

          Principal principal = verify(verifier, token);

          assertThat(principal.subject()).isEqualTo(subject);
        });
  }

  @Test
  void tokenSignedWithAnyOtherSecretFails() {
    forAll(
        300,
        random -> {
          byte[] secret = RandomChecks.bytes(random, 1, 200);
          byte[] other = RandomChecks.bytes(random, 1, 200);
          if (sameHmacKey(secret, other)) {
            return;
          }
          int alg = random.nextInt(ALGORITHMS.length);
          String token = token(other, "mallory", alg);
          JwtVerifier verifier = JwtVerifier.builder(secret).clock(CLOCK).build();

          assertThatThrownBy(() -> verifier.verify("Bearer " + token))
              .isInstanceOfSatisfying(
                  AuthException.class, e -> assertThat(e.reason()).isEqualTo("bad_signature"));
        });
  }

  private static Principal verify(JwtVerifier verifier, String token) {
    try {
      return verifier.verify("Bearer " + token);
    } catch (AuthException e) {
      throw new AssertionError("rejected: " + e.getMessage(), e);
    }
  }

  private static String token(byte[] secret, String subject, int alg) {
    String payload = "{\"sub\":" + jsonString(subject) + ",\"exp\":"
        + (NOW.getEpochSecond() + 60) + "}";
    return RawTokens.hmac(ALGORITHMS[alg][1], secret,
        "{\"alg\":\"" + ALGORITHMS[alg][0] + "\"}", payload);
  }

  /** HMAC itself cannot tell keys apart that differ only by trailing zero bytes. */
  private static boolean sameHmacKey(byte[] a, byte[] b) {
    int length = Math.max(a.length, b.length);
    return Arrays.equals(Arrays.copyOf(a, length), Arrays.copyOf(b, length));
  }

  private static String jsonString(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
