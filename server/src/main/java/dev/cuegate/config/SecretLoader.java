package dev.cuegate.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the JWT secret from {@code JWT_SECRET} or the file named by {@code JWT_SECRET_FILE}, and
 * judges it. Messages never contain the secret itself.
 */
final class SecretLoader {

  /** Below this many bytes an HMAC key is shorter than HS256's own output (RFC 7518 §3.2). */
  static final int RECOMMENDED_MIN_BYTES = 32;

  /** Secrets printed in OpenCue's documentation and examples: anyone can mint tokens with them. */
  private static final Set<String> WELL_KNOWN = Set.of(
      "default-secret-key",
      "dev-secret-key-change-in-production",
      "production-secret-key",
      "secret",
      "changeme",
      "your-secret-key");

  /** The secret's bytes and the file it came from, if any. */
  record Secret(byte[] bytes, Optional<Path> file) {}

  private SecretLoader() {}

  static Secret load(EnvReader env) {
    Optional<String> inline = env.verbatim(Variable.JWT_SECRET);
    Optional<Path> file = env.optionalPath(Variable.JWT_SECRET_FILE);
    if (inline.isPresent() && file.isPresent()) {
      throw new ConfigException(Variable.JWT_SECRET.name(),
          "expected either JWT_SECRET or JWT_SECRET_FILE, got both");
    }
    if (inline.isPresent()) {
      return new Secret(inline.get().getBytes(StandardCharsets.UTF_8), Optional.empty());
    }
    if (file.isPresent()) {
      return new Secret(readFile(file.get()), file);
    }
    throw new ConfigException(Variable.JWT_SECRET.name(),
        "no secret configured, refusing to start without one; set JWT_SECRET to a random string"
            + " of at least " + RECOMMENDED_MIN_BYTES + " bytes (e.g. the output of"
            + " `openssl rand -base64 48`) or JWT_SECRET_FILE to a file holding it");
  }

  static List<String> warnings(byte[] secret) {
    List<String> warnings = new ArrayList<>();
    if (WELL_KNOWN.contains(new String(secret, StandardCharsets.UTF_8))) {
      warnings.add("JWT_SECRET is a well-known example value from the documentation: anyone can"
          + " mint valid tokens; set a random secret");
    }
    if (secret.length < RECOMMENDED_MIN_BYTES) {
      warnings.add("JWT_SECRET is only " + secret.length + " bytes long; use at least "
          + RECOMMENDED_MIN_BYTES + " random bytes so that tokens cannot be forged by guessing it");
    }
    return List.copyOf(warnings);
  }

  private static byte[] readFile(Path path) {
    String variable = Variable.JWT_SECRET_FILE.name();
    byte[] content;
    try {
      content = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new ConfigException(variable,
          "expected a readable file holding the secret, got '" + path + "' which does not exist");
    } catch (IOException e) {
      throw new ConfigException(variable,
          "expected a readable file holding the secret, got '" + path + "' which cannot be read ("
              + e.getClass().getSimpleName() + ")");
    }
    // Editors and `echo` end files with a newline that is not part of the secret.
    int end = content.length;
    while (end > 0 && (content[end - 1] == '\n' || content[end - 1] == '\r')) {
      end--;
    }
    if (end == 0) {
      throw new ConfigException(variable,
          "expected a file holding the secret, got '" + path + "' which is empty");
    }
    return Arrays.copyOf(content, end);
  }
}
