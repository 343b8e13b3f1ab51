package dev.cuegate.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** The HMAC computed by the JDK from the raw secret is the oracle, for every secret length. */
class JwtVerifierProperties {

  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String[][] ALGORITHMS = {
      {"HS256", "HmacSHA256"}, {"HS384", "HmacSHA384"}, {"HS512", "HmacSHA512"}};

  @Property
  void tokenSignedWithTheSecretVerifies(
      @ForAll @Size(min = 1, max = 200) byte[] secret,
      @ForAll @StringLength(max = 20) String subject,
      @ForAll("algorithmIndex") int alg) throws AuthException {
    String token = token(secret, subject, alg);

    JwtVerifier verifier = JwtVerifier.builder(secret).clock(CLOCK).build();

    Principal principal = verifier.verify("Bearer " + token);

    assertThat(principal.subject()).isEqualTo(subject);
  }

  @Property
  void tokenSignedWithAnyOtherSecretFails(
      @ForAll @Size(min = 1, max = 200) byte[] secret,
      @ForAll @Size(min = 1, max = 200) byte[] other,
      @ForAll("algorithmIndex") int alg) {
    Assume.that(!sameHmacKey(secret, other));
    String token = token(other, "mallory", alg);
    JwtVerifier verifier = JwtVerifier.builder(secret).clock(CLOCK).build();

    assertThatThrownBy(() -> verifier.verify("Bearer " + token))
        .isInstanceOfSatisfying(AuthException.class,
            e -> assertThat(e.reason()).isEqualTo("bad_signature"));
  }

  @Provide
  Arbitrary<Integer> algorithmIndex() {
    return Arbitraries.integers().between(0, ALGORITHMS.length - 1);
  }

  private static String token(byte[] secret, String subject, int alg) {
    String payload = "{\"sub\":" + jsonString(subject) + ",\"exp\":"
        + (NOW.getEpochSecond() + 60) + "}";
    return Tokens.hmac(ALGORITHMS[alg][1], secret,
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
