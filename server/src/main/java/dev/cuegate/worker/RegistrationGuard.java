package dev.cuegate.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who may register a worker. Open without a registration secret; with one, the request must
 * carry {@code Authorization: Bearer <HS256 JWT>} signed with it and not expired. Flamenco's
 * worker writes {@code exp} and {@code iat} as fractional seconds, which general JWT libraries
 * reject, so the few checks are made here.
 */
final class RegistrationGuard {
  /** Tolerated clock difference between the worker and CueGate. */
  static final Duration LEEWAY = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

  private final Optional<byte[]> secret;
  private final Clock clock;

  RegistrationGuard(Optional<byte[]> secret, Clock clock) {
    this.secret = secret.map(byte[]::clone);
    this.clock = clock;
  }

  /** @throws WorkerException FORBIDDEN when a registration secret is set and the token is not good */
  void check(String authorization) {
    if (secret.isEmpty()) {
      return;
    }
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw forbidden("registration needs a bearer token signed with the registration secret");
    }
    String[] parts = authorization.substring(7).trim().split("\\.", -1);
    if (parts.length != 3) {
      throw forbidden("the registration token is not a JWT");
    }
    try {
      JsonNode header = JSON.readTree(BASE64URL.decode(parts[0]));
      if (header == null || !"HS256".equals(header.path("alg").asText())) {
        throw forbidden("the registration token must be signed with HS256");
      }
      byte[] expected = hmac((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!MessageDigest.isEqual(expected, BASE64URL.decode(parts[2]))) {
        throw forbidden("the registration token's signature is wrong");
      }
      JsonNode claims = JSON.readTree(BASE64URL.decode(parts[1]));
      checkTimes(claims);
    } catch (IOException | IllegalArgumentException e) {
      throw forbidden("the registration token is malformed");
    }
  }

  private void checkTimes(JsonNode claims) {
    if (claims == null || !claims.path("exp").isNumber()) {
      throw forbidden("the registration token has no exp");
    }
    double now = clock.millis() / 1000.0;
    double leeway = LEEWAY.toSeconds();
    if (claims.get("exp").asDouble() + leeway < now) {
      throw forbidden("the registration token has expired");
    }
    JsonNode issued = claims.path("iat");
    if (issued.isNumber() && issued.asDouble() - leeway > now) {
      throw forbidden("the registration token is issued in the future");
    }
  }

  private byte[] hmac(byte[] input) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.orElseThrow(), "HmacSHA256"));
      return mac.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no HmacSHA256", e);
    }
  }

  private static WorkerException forbidden(String message) {
    return new WorkerException(WorkerException.Kind.FORBIDDEN, message);
  }
}
