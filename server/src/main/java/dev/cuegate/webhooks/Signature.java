package dev.cuegate.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-CueGate-Signature} of a delivery: HMAC-SHA256 over {@code <timestamp>.<body>}, so
 * a receiver can check both the body and when it was sent, and refuse a replay.
 */
public final class Signature {
  private Signature() {}

  /** {@code sha256=} and the HMAC in lower-case hex. */
  public static String sign(byte[] secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }
}
