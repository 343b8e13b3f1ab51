package dev.cuegate.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JwtVerifierTest {

  private static final byte[] SECRET =
      "a-long-enough-test-secret-for-every-hmac-0123456789-abcdefghijkl"
          .getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private static final long NOW_S = NOW.getEpochSecond();
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final JwtVerifier verifier = JwtVerifier.builder(SECRET).clock(CLOCK).build();

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  private static String validToken() {
    return RawTokens.hs256(SECRET, "{\"sub\":\"alice\",\"exp\":" + (NOW_S + 3600) + "}");
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(
      String header, String reason) {
    return assertThatThrownBy(() -> verifier.verify(header))
        .isInstanceOfSatisfying(AuthException.class,
            e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Nested
  class Accepted {

    @ParameterizedTest
    @CsvSource({"HS256, HmacSHA256", "HS384, HmacSHA384", "HS512, HmacSHA512"})
    void validHmacTokenYieldsItsSubjectAndClaims(String alg, String jca) throws AuthException {
      String token = RawTokens.hmac(jca, SECRET, "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}",
          "{\"sub\":\"alice\",\"role\":\"admin\",\"exp\":" + (NOW_S + 60) + "}");

      Principal principal = verifier.verify(bearer(token));

      assertThat(principal.subject()).isEqualTo("alice");
      assertThat(principal.claims())
          .containsEntry("role", "admin")
          .containsEntry("exp", NOW_S + 60);
    }

    @Test
    void tokenWithoutSubjectHasAnEmptySubject() throws AuthException {
      String token = RawTokens.hs256(SECRET, "{\"exp\":" + (NOW_S + 60) + ",\"note\":null}");

      Principal principal = verifier.verify(bearer(token));

      assertThat(principal.subject()).isEmpty();
      assertThat(principal.claims()).containsOnlyKeys("exp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer ", "bearer ", "BEARER ", "  Bearer   "})
    void bearerSchemeIsCaseInsensitive(String prefix) throws AuthException {
      assertThat(verifier.verify(prefix + validToken()).subject()).isEqualTo("alice");
    }

    @Test
    void expiredTokenWithinLeewayIsAccepted() throws AuthException {
      String token = RawTokens.hs256(SECRET, "{\"sub\":\"alice\",\"exp\":" + (NOW_S - 29) + "}");

      assertThat(verifier.verify(bearer(token)).subject()).isEqualTo("alice");
    }

    @Test
    void notBeforeAndIssuedAtWithinLeewayAreAccepted() throws AuthException {
      String token = RawTokens.hs256(SECRET, "{\"sub\":\"alice\",\"exp\":" + (NOW_S + 60)
          + ",\"nbf\":" + (NOW_S + 29) + ",\"iat\":" + (NOW_S + 29) + "}");

      assertThat(verifier.verify(bearer(token)).subject()).isEqualTo("alice");
    }

    @Test
    void fractionalTimesAsSentByFlamencoWorkersAreAccepted() throws AuthException {
      String token = RawTokens.hs256(SECRET, "{\"sub\":\"w\",\"exp\":" + (NOW_S + 60)
          + ".25,\"iat\":" + (NOW_S - 1) + ".75}");

      assertThat(verifier.verify(bearer(token)).subject()).isEqualTo("w");
    }

    @Test
    void matchingIssuerAndAudienceAreAccepted() throws AuthException {
      JwtVerifier strict = JwtVerifier.builder(SECRET).clock(CLOCK)
          .issuer("cueweb").audience("cuegate").build();
      String token = RawTokens.hs256(SECRET, "{\"sub\":\"alice\",\"iss\":\"cueweb\","
          + "\"aud\":[\"other\",\"cuegate\"],\"exp\":" + (NOW_S + 60) + "}");

      assertThat(strict.verify(bearer(token)).subject()).isEqualTo("alice");
    }
  }

  @Nested
  class SeedSnippets {

    /** Python's json.dumps separates with ", " and ": "; the snippet strips base64url padding. */
    @ParameterizedTest
    @ValueSource(strings = {"your-secret-key", "production-secret-key", "default-secret-key"})
    void tokenFromTheSeedsPythonSnippetIsAccepted(String secret) throws AuthException {
      String header = "{\"alg\": \"HS256\", \"typ\": \"JWT\"}";
      String payload = "{\"sub\": \"test-user\", \"exp\": " + (NOW_S + 3600) + "}";
      byte[] key = secret.getBytes(StandardCharsets.UTF_8);
      String token = RawTokens.hmac("HmacSHA256", key, header, payload);
      JwtVerifier gateway = JwtVerifier.builder(key).clock(CLOCK).build();

      Principal principal = gateway.verify(bearer(token));

      assertThat(token.split("\\.")[0]).isEqualTo(
          "eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9");
      assertThat(principal.subject()).isEqualTo("test-user");
    }

    /**
     * JSON.stringify writes no spaces, and the snippet uses standard base64 (with + and /) minus
     * the padding, not base64url.
     */
    @Test
    void tokenFromTheSeedsJavaScriptSnippetIsAccepted() throws AuthException {
      byte[] key = "your-secret-key".getBytes(StandardCharsets.UTF_8);
      Base64.Encoder standard = Base64.getEncoder().withoutPadding();
      String token = null;
      for (int user = 0; token == null || !(token.contains("+") || token.contains("/")); user++) {
        token = RawTokens.hmac("HmacSHA256", key, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
            "{\"sub\":\"user" + user + "\",\"exp\":" + (NOW_S + 3600) + "}", standard);
      }
      JwtVerifier gateway = JwtVerifier.builder(key).clock(CLOCK).build();

      Principal principal = gateway.verify(bearer(token));

      assertThat(principal.subject()).startsWith("user");
    }
  }

  @Nested
  class Rejected {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void missingHeaderIsRejected(String header) {
      assertRejected(header, "missing_token").hasMessage("missing Authorization header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Token abc.def.ghi", "Bearer.abc"})
    void otherSchemesAreRejected(String header) {
      assertRejected(header, "bad_scheme").hasMessageContaining("Bearer");
    }

    @Test
    void tokenWithoutSchemeIsRejected() {
      assertRejected(validToken(), "bad_scheme");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer   "})
    void emptyBearerTokenIsMalformed(String header) {
      assertRejected(header, "malformed").hasMessageContaining("empty");
    }

    @Test
    void tokenWithTwoPartsIsMalformed() {
      String[] parts = validToken().split("\\.");

      assertRejected(bearer(parts[0] + "." + parts[1]), "malformed")
          .hasMessageContaining("three dot-separated")
          .hasMessageContaining("got 2");
    }

    @Test
    void tokenWithFourPartsIsMalformed() {
      assertRejected(bearer(validToken() + ".extra"), "malformed").hasMessageContaining("got 4");
    }

    @Test
    void badBase64IsMalformed() {
      String[] parts = validToken().split("\\.");

      assertRejected(bearer(parts[0] + ".%%%$." + parts[2]), "malformed")
          .hasMessageContaining("payload is not base64url");
    }

    @Test
    void base64OfImpossibleLengthIsMalformed() {
      String[] parts = validToken().split("\\.");

      assertRejected(bearer(parts[0] + "A." + parts[1] + "." + parts[2]), "malformed")
          .hasMessageContaining("header is not base64url");
    }

    @Test
    void payloadThatIsNotJsonIsMalformed() {
      String token = RawTokens.hmac("HmacSHA256", SECRET, "{\"alg\":\"HS256\"}", "not json");

      assertRejected(bearer(token), "malformed")
          .hasMessageContaining("payload is not a JSON object");
    }

    @Test
    void headerThatIsNotAnObjectIsMalformed() {
      String token = RawTokens.hmac("HmacSHA256", SECRET, "[\"HS256\"]", "{}");

      assertRejected(bearer(token), "malformed")
          .hasMessageContaining("header is not a JSON object");
    }

    @Test
    void claimOfTheWrongTypeIsMalformed() {
      String token = RawTokens.hs256(SECRET, "{\"sub\":\"alice\",\"exp\":\"tomorrow\"}");

      assertRejected(bearer(token), "malformed").hasMessageContaining("invalid claims");
    }

    @Test
    void criticalHeaderExtensionIsRejected() {
      String token = RawTokens.hmac("HmacSHA256", SECRET,
          "{\"alg\":\"HS256\",\"crit\":[\"x-custom\"],\"x-custom\":1}",
          "{\"exp\":" + (NOW_S + 60) + "}");

      assertRejected(bearer(token), "malformed").hasMessageContaining("critical");
    }

    @Test
    void unsignedTokenWithAlgNoneIsRejected() {
      String token = RawTokens.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
          + RawTokens.encode("{\"sub\":\"admin\",\"exp\":" + (NOW_S + 60) + "}") + ".";

      assertRejected(bearer(token), "bad_algorithm").hasMessageContaining("'none'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"None", "NONE", "RS256", "ES256", "PS256", "EdDSA", "hs256", "HS1"})
    void algorithmsOtherThanHmacAreRejectedByName(String alg) {
      String token = RawTokens.hmac("HmacSHA256", SECRET, "{\"alg\":\"" + alg + "\"}",
          "{\"exp\":" + (NOW_S + 60) + "}");

      assertRejected(bearer(token), "bad_algorithm").hasMessageContaining("'" + alg + "'");
    }

    @Test
    void headerWithoutAlgIsRejected() {
      String token = RawTokens.hmac("HmacSHA256", SECRET, "{\"typ\":\"JWT\"}",
          "{\"exp\":" + (NOW_S + 60) + "}");

      assertRejected(bearer(token), "bad_algorithm").hasMessageContaining("no alg");
    }

    @Test
    void rsaSignedTokenIsRejected() throws Exception {
      KeyPair rsa = rsaKeyPair();
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
          .subject("alice").expirationTime(Date.from(NOW.plusSeconds(60))).build());
      jwt.sign(new RSASSASigner(rsa.getPrivate()));

      assertRejected(bearer(jwt.serialize()), "bad_algorithm").hasMessageContaining("RS256");
    }

    @Test
    void hmacTokenKeyedWithTheRsaPublicKeyIsRejected() throws Exception {
      // Algorithm confusion: an attacker who knows a public key signs HS256 with its bytes.
      byte[] publicKey = rsaKeyPair().getPublic().getEncoded();
      String pem = "-----BEGIN PUBLIC KEY-----\n"
          + Base64.getMimeEncoder().encodeToString(publicKey) + "\n-----END PUBLIC KEY-----\n";
      String payload = "{\"sub\":\"admin\",\"exp\":" + (NOW_S + 60) + "}";

      assertRejected(bearer(RawTokens.hs256(publicKey, payload)), "bad_signature");
      assertRejected(bearer(RawTokens.hs256(pem.getBytes(StandardCharsets.US_ASCII), payload)),
          "bad_signature");
    }

    @Test
    void tokenSignedWithAnotherSecretIsRejected() {
      String token = RawTokens.hs256("another-secret".getBytes(StandardCharsets.UTF_8),
          "{\"sub\":\"alice\",\"exp\":" + (NOW_S + 60) + "}");

      assertRejected(bearer(token), "bad_signature").hasMessage("token signature is invalid");
    }

    @Test
    void tamperedPayloadIsRejected() {
      String[] parts = validToken().split("\\.");
      String forged = RawTokens.encode("{\"sub\":\"admin\",\"exp\":" + (NOW_S + 3600) + "}");

      assertRejected(bearer(parts[0] + "." + forged + "." + parts[2]), "bad_signature");
    }

    @Test
    void emptySignatureIsRejected() {
      String[] parts = validToken().split("\\.");

      assertRejected(bearer(parts[0] + "." + parts[1] + "."), "bad_signature")
          .hasMessage("token has no signature");
    }

    @Test
    void tokenWithoutExpIsRejected() {
      String token = RawTokens.hs256(SECRET, "{\"sub\":\"alice\"}");

      assertRejected(bearer(token), "missing_exp").hasMessageContaining("exp");
    }

    @Test
    void expiredTokenIsRejected() {
      String token = RawTokens.hs256(SECRET, "{\"sub\":\"alice\",\"exp\":" + (NOW_S - 30) + "}");

      assertRejected(bearer(token), "expired")
          .hasMessageContaining("expired at " + NOW.minusSeconds(30));
    }

    @Test
    void expiryIsJudgedByTheInjectedClock() {
      String token = RawTokens.hs256(SECRET, "{\"sub\":\"alice\",\"exp\":" + (NOW_S + 60) + "}");
      JwtVerifier later = JwtVerifier.builder(SECRET).leeway(Duration.ZERO)
          .clock(Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC)).build();

      assertThatThrownBy(() -> later.verify(bearer(token)))
          .isInstanceOfSatisfying(AuthException.class,
              e -> assertThat(e.reason()).isEqualTo("expired"));
    }

    @Test
    void tokenNotYetValidIsRejected() {
      String token = RawTokens.hs256(SECRET, "{\"sub\":\"alice\",\"exp\":" + (NOW_S + 600)
          + ",\"nbf\":" + (NOW_S + 31) + "}");

      assertRejected(bearer(token), "not_yet_valid").hasMessageContaining("not valid before");
    }

    @Test
    void tokenIssuedInTheFutureIsRejected() {
      String token = RawTokens.hs256(SECRET, "{\"sub\":\"alice\",\"exp\":" + (NOW_S + 600)
          + ",\"iat\":" + (NOW_S + 31) + "}");

      assertRejected(bearer(token), "issued_in_future")
          .hasMessageContaining("issued in the future");
    }

    @ParameterizedTest
    @ValueSource(strings = {",\"iss\":\"someone-else\"", ""})
    void wrongOrMissingIssuerIsRejected(String issClaim) {
      JwtVerifier strict = JwtVerifier.builder(SECRET).clock(CLOCK).issuer("cueweb").build();
      String token = RawTokens.hs256(SECRET, "{\"exp\":" + (NOW_S + 60) + issClaim + "}");

      assertThatThrownBy(() -> strict.verify(bearer(token)))
          .isInstanceOfSatisfying(AuthException.class,
              e -> assertThat(e.reason()).isEqualTo("bad_issuer"))
          .hasMessageContaining("'cueweb'");
    }

    @ParameterizedTest
    @ValueSource(strings = {",\"aud\":\"other\"", ",\"aud\":[\"a\",\"b\"]", ""})
    void wrongOrMissingAudienceIsRejected(String audClaim) {
      JwtVerifier strict = JwtVerifier.builder(SECRET).clock(CLOCK).audience("cuegate").build();
      String token = RawTokens.hs256(SECRET, "{\"exp\":" + (NOW_S + 60) + audClaim + "}");

      assertThatThrownBy(() -> strict.verify(bearer(token)))
          .isInstanceOfSatisfying(AuthException.class,
              e -> assertThat(e.reason()).isEqualTo("bad_audience"))
          .hasMessageContaining("'cuegate'");
    }

    @Test
    void rejectionMessagesNeverContainTheSecret() {
      String secretText = new String(SECRET, StandardCharsets.UTF_8);

      assertRejected(bearer(RawTokens.hs256("x".getBytes(StandardCharsets.UTF_8), "{}")),
          "bad_signature").hasMessageNotContaining(secretText);
    }
  }

  @Nested
  class Es256 {

    @Test
    void es256IsAcceptedOnlyFromAConfiguredKey() throws Exception {
      ECKey trusted = new ECKeyGenerator(Curve.P_256).generate();
      ECKey stranger = new ECKeyGenerator(Curve.P_256).generate();
      JwtVerifier withKeys = JwtVerifier.builder(SECRET).clock(CLOCK)
          .ecPublicKeys(List.of(trusted.toECPublicKey())).build();

      assertThat(withKeys.verify(bearer(es256(trusted))).subject()).isEqualTo("shaman");
      assertThatThrownBy(() -> withKeys.verify(bearer(es256(stranger))))
          .isInstanceOfSatisfying(AuthException.class,
              e -> assertThat(e.reason()).isEqualTo("bad_signature"));
    }

    @Test
    void es256IsRejectedWhenNoKeyIsConfigured() throws Exception {
      String token = es256(new ECKeyGenerator(Curve.P_256).generate());

      assertRejected(bearer(token), "bad_algorithm").hasMessageContaining("ES256");
    }

    @Test
    void hmacStillWorksWhenKeysAreConfigured() throws Exception {
      JwtVerifier withKeys = JwtVerifier.builder(SECRET).clock(CLOCK)
          .ecPublicKeys(List.of(new ECKeyGenerator(Curve.P_256).generate().toECPublicKey()))
          .build();

      assertThat(withKeys.verify(bearer(validToken())).subject()).isEqualTo("alice");
    }

    private String es256(ECKey key) throws JOSEException {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), new JWTClaimsSet.Builder()
          .subject("shaman").expirationTime(Date.from(NOW.plusSeconds(60))).build());
      jwt.sign(new ECDSASigner(key));
      return jwt.serialize();
    }
  }

  @Test
  void emptySecretIsRefused() {
    assertThatThrownBy(() -> JwtVerifier.builder(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static KeyPair rsaKeyPair() throws NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }
}
