package dev.cuegate.server;

import dev.cuegate.authz.AuthzPolicy;
import dev.cuegate.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the authorization policy that {@code AUTHZ_POLICY_FILE} names, once, at start-up. */
final class PolicyFile {
  private static final String VARIABLE = "AUTHZ_POLICY_FILE";

  private PolicyFile() {}

  /**
   * @throws ConfigException naming {@code AUTHZ_POLICY_FILE} when the file cannot be read or is
   *     not a policy
   */
  static AuthzPolicy read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(
          VARIABLE, "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
    }
    try {
      return AuthzPolicy.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(VARIABLE, file + ": " + e.getMessage());
    }
  }
}
