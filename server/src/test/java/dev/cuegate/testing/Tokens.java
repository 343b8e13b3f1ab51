package dev.cuegate.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Mints HMAC-signed JWTs for tests, like the ones CueWeb and the documented snippets send. */
public final class Tokens {

  /** The test secret: 64 bytes, long enough for HS256, HS384 and HS512 alike. */
  public static final String SECRET =
      "cuegate-test-secret-0123456789abcdef-0123456789abcdef-0123456789";

  /** The subject of {@link #valid()} tokens. */
  public static final String SUBJECT = "cueweb";

  private static final Duration LIFETIME = Duration.ofHours(1);

  private Tokens() {}

  /** An HS256 token signed with {@link #SECRET} for {@link #SUBJECT}, valid for an hour. */
  public static String valid() {
    return hs256(SECRET, SUBJECT, Instant.now().plus(LIFETIME));
  }

  /** An HS256 token with {@code sub}, {@code iat} (now) and {@code exp}. */
  public static String hs256(String secret, String subject, Instant expiry) {
    return sign(JWSAlgorithm.HS256, secret, claims(subject, expiry));
  }

  /** An HS384 token with {@code sub}, {@code iat} (now) and {@code exp}. */
  public static String hs384(String secret, String subject, Instant expiry) {
    return sign(JWSAlgorithm.HS384, secret, claims(subject, expiry));
  }

  /** An HS512 token with {@code sub}, {@code iat} (now) and {@code exp}. */
  public static String hs512(String secret, String subject, Instant expiry) {
    return sign(JWSAlgorithm.HS512, secret, claims(subject, expiry));
  }

  /** The claims {@code sub}, {@code iat} (now) and {@code exp}. */
  public static JWTClaimsSet claims(String subject, Instant expiry) {
    return new JWTClaimsSet.Builder()
        .subject(subject)
        .issueTime(Date.from(Instant.now()))
        .expirationTime(Date.from(expiry))
        .build();
  }

  /**
   * Signs any claims with an HMAC algorithm. Secrets too short for nimbus' {@link MACSigner} (such
   * as CueWeb's well-known {@code default-secret-key}) are signed by plain HMAC, as PyJWT and
   * jsonwebtoken do, so tests can mint the tokens those clients send.
   */
  public static String sign(JWSAlgorithm algorithm, String secret, JWTClaimsSet claims) {
    byte[] key = secret.getBytes(StandardCharsets.UTF_8);
    JWSHeader header = new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build();
    try {
      if (key.length * 8 >= MACSigner.getMinRequiredSecretLength(algorithm)) {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
      }
    } catch (JOSEException e) {
      throw new IllegalArgumentException("cannot sign with " + algorithm, e);
    }
    String signingInput =
        header.toBase64URL()
            + "."
            + Base64URL.encode(claims.toString().getBytes(StandardCharsets.UTF_8));
    return signingInput + "." + Base64URL.encode(hmac(algorithm, key, signingInput));
  }

  private static byte[] hmac(JWSAlgorithm algorithm, byte[] key, String input) {
    String javaName = "HmacSHA" + algorithm.getName().substring(2);
    try {
      Mac mac = Mac.getInstance(javaName);
      mac.init(new SecretKeySpec(key, javaName));
      return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("no HMAC for " + algorithm, e);
    }
  }
}
