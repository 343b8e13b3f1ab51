package dev.cuegate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TokensTest {

  @Test
  void validTokenIsHs256SignedWithTheTestSecretAndExpiresInTheFuture() throws Exception {
    SignedJWT jwt = SignedJWT.parse(Tokens.valid());

    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
    assertThat(jwt.verify(new MACVerifier(Tokens.SECRET))).isTrue();
    assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(Tokens.SUBJECT);
    assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isInTheFuture();
  }

  @Test
  void hs384AndHs512TokensCarryTheirAlgorithmAndExpiry() throws Exception {
    Instant expiry = Instant.parse("2031-01-01T00:00:00Z");

    SignedJWT hs384 = SignedJWT.parse(Tokens.hs384(Tokens.SECRET, "alice", expiry));
    SignedJWT hs512 = SignedJWT.parse(Tokens.hs512(Tokens.SECRET, "alice", expiry));

    assertThat(hs384.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS384);
    assertThat(hs384.verify(new MACVerifier(Tokens.SECRET))).isTrue();
    assertThat(hs512.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS512);
    assertThat(hs512.verify(new MACVerifier(Tokens.SECRET))).isTrue();
    assertThat(hs512.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(expiry);
  }

  @Test
  void tokenWithAnotherSecretDoesNotVerifyWithTheTestSecret() throws Exception {
    String other = "another-secret-that-is-long-enough-for-hs256!!";

    SignedJWT jwt = SignedJWT.parse(Tokens.hs256(other, "mallory", Instant.now().plusSeconds(60)));

    assertThat(jwt.verify(new MACVerifier(Tokens.SECRET))).isFalse();
  }

  @Test
  void shortSecretsAreSignedWithPlainHmacAsPyJwtDoes() throws Exception {
    String token = Tokens.hs256("default-secret-key", "cueweb", Instant.now().plusSeconds(60));

    String[] parts = token.split("\\.");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec("default-secret-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(parts).hasSize(3);
    assertThat(Base64.getUrlDecoder().decode(parts[2])).isEqualTo(expected);
    assertThat(SignedJWT.parse(token).getJWTClaimsSet().getSubject()).isEqualTo("cueweb");
  }
}
