package dev.cuegate.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/** Keeps the worker's credentials in its state directory, readable by its owner only. */
final class CredentialStore {
  static final String FILE_NAME = "worker-credentials.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;

  CredentialStore(Path stateDir) {
    this.file = stateDir.resolve(FILE_NAME);
  }

  /** The stored credentials; empty when there are none or the file is not ours to use. */
  Optional<Credentials> load() throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    JsonNode stored = JSON.readTree(file.toFile());
    String id = stored.path("id").asText("");
    String secret = stored.path("secret").asText("");
    if (id.isEmpty() || secret.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Credentials(id, secret));
  }

  /** Replaces the stored credentials atomically, so a crash never leaves half a file. */
  void save(Credentials credentials) throws IOException {
    Files.createDirectories(file.getParent());
    Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
    Files.deleteIfExists(temporary);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(temporary,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(temporary);
    }
    byte[] content = JSON.writeValueAsBytes(JSON.createObjectNode()
        .put("id", credentials.id())
        .put("secret", credentials.secret()));
    Files.write(temporary, content);
    try {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
