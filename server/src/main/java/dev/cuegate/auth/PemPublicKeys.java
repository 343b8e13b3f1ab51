package dev.cuegate.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads EC public keys from a PEM file (one or more {@code BEGIN PUBLIC KEY} blocks). */
public final class PemPublicKeys {
  private static final Pattern BLOCK =
      Pattern.compile(
          "-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");

  private PemPublicKeys() {}

  /**
   * @throws IllegalArgumentException when the file holds no EC public key or a block is not one
   */
  public static List<ECPublicKey> readEc(Path file) throws IOException {
    Matcher block = BLOCK.matcher(Files.readString(file, StandardCharsets.US_ASCII));
    List<ECPublicKey> keys = new ArrayList<>();
    while (block.find()) {
      byte[] der = Base64.getMimeDecoder().decode(block.group(1));
      try {
        PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        keys.add((ECPublicKey) key);
      } catch (GeneralSecurityException | ClassCastException e) {
        throw new IllegalArgumentException("block " + (keys.size() + 1) + " is not an EC public key");
      }
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no PEM 'PUBLIC KEY' block found");
    }
    return List.copyOf(keys);
  }
}
