package dev.cuegate.agent;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** A registered worker's id and the secret it chose; together its HTTP Basic credentials. */
record Credentials(String id, String secret) {

  /** A fresh secret of 32 random bytes, hex-encoded. */
  static String newSecret(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  String basicAuthorization() {
    return "Basic " + Base64.getEncoder()
        .encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Credentials[id=" + id + "]";
  }
}
