package dev.cuegate.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's README.md and docs/ are, for tests that check what the docs say. */
public final class Repository {
  private Repository() {}

  /** The nearest folder at or above the working directory holding README.md and docs/. */
  public static Path root() {
    for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
      if (Files.isRegularFile(at.resolve("README.md")) && Files.isDirectory(at.resolve("docs"))) {
        return at;
      }
    }
    throw new AssertionError("README.md and docs/ not found above " + Path.of("").toAbsolutePath());
  }
}
