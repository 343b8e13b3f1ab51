package dev.cuegate.worker;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Worker secrets as slow salted hashes (PBKDF2-HMAC-SHA256), encoded with their parameters as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} so the cost can rise without breaking old
 * workers.
 */
final class SecretHash {
  private static final String SCHEME = "pbkdf2-sha256";
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;

  private final int iterations;
  private final SecureRandom random;

  SecretHash(int iterations, SecureRandom random) {
    this.iterations = iterations;
    this.random = random;
  }

  String hash(String secret) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
    return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$"
        + base64.encodeToString(derive(secret, salt, iterations));
  }

  /** Whether {@code secret} is the one {@code encoded} was made from; false for a corrupt hash. */
  static boolean matches(String secret, String encoded) {
    String[] parts = encoded.split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      return MessageDigest.isEqual(expected, derive(secret, salt, iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** A fast digest of a secret that passed {@link #matches}, for the verification cache. */
  static byte[] digest(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static byte[] derive(String secret, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
    } finally {
      spec.clearPassword();
    }
  }
}
