package dev.cuegate.cli;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints the HMAC-signed JWTs the gateway accepts.
 *
 * <p>Signs with {@link Mac} directly rather than nimbus' signer, which refuses keys shorter than
 * the hash: the gateway accepts such secrets (with a warning), so the CLI must mint for them too.
 */
final class TokenMinter {
  private final byte[] secret;
  private final Clock clock;

  TokenMinter(byte[] secret, Clock clock) {
    this.secret = secret.clone();
    this.clock = clock;
  }

  String mint(String subject, Duration ttl, Optional<String> role, JWSAlgorithm algorithm) {
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .subject(subject)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)));
    role.ifPresent(name -> claims.claim("role", name));
    JWSHeader header = new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build();
    String signingInput =
        header.toBase64URL()
            + "."
            + Base64URL.encode(claims.build().toString().getBytes(StandardCharsets.UTF_8));
    return signingInput + "." + Base64URL.encode(sign(algorithm, signingInput));
  }

  private byte[] sign(JWSAlgorithm algorithm, String input) {
    String javaName = "HmacSHA" + algorithm.getName().substring(2);
    try {
      Mac mac = Mac.getInstance(javaName);
      mac.init(new SecretKeySpec(secret, javaName));
      return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM lacks " + javaName, e);
    }
  }
}
