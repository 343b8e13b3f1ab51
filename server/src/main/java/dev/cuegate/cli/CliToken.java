package dev.cuegate.cli;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A short-lived HS256 token for one CLI call. Signed by hand rather than with nimbus, whose
 * signer refuses secrets under 256 bits that the gateway accepts (with a warning).
 */
final class CliToken {
  private static final long LIFETIME_SECONDS = 300;

  private CliToken() {}

  static String mint(byte[] secret, String subject, Clock clock) {
    long now = clock.instant().getEpochSecond();
    String header = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    String payload = base64("{\"sub\":\"" + subject.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\",\"iat\":" + now + ",\"exp\":" + (now + LIFETIME_SECONDS) + "}");
    String signingInput = header + "." + payload;
    return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(hmac(secret, signingInput));
  }

  private static byte[] hmac(byte[] secret, String input) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static String base64(String json) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
