package dev.cuegate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Authorization policies as files for {@code AUTHZ_POLICY_FILE}, deleted when the JVM exits. */
public final class PolicyFiles {
  private PolicyFiles() {}

  /** A temporary file holding {@code json}. */
  public static Path write(String json) {
    try {
      Path file = Files.createTempFile("cuegate-policy", ".json");
      file.toFile().deleteOnExit();
      return Files.writeString(file, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
