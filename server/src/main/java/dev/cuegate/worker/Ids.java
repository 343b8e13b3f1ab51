package dev.cuegate.worker;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The 24-hex-digit ids (Flamenco's MongoDB ObjectIds) of workers, jobs and tasks. */
final class Ids {
  private static final Pattern ID = Pattern.compile("[0-9a-f]{24}");

  private final SecureRandom random;

  Ids(SecureRandom random) {
    this.random = random;
  }

  static boolean valid(String id) {
    return id != null && ID.matcher(id).matches();
  }

  String next() {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
