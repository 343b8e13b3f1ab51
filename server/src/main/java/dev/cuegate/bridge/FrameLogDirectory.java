package dev.cuegate.bridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a launched frame's log directory, as an RQD host does: Cuebot only names it, and the
 * frame's {@code .rqlog} is written there only when it exists. Where the farm's log volume is not
 * mounted on the CueGate machine, creating it fails and the task log alone keeps the lines.
 */
final class FrameLogDirectory {
  private static final Logger log = LoggerFactory.getLogger(FrameLogDirectory.class);

  private FrameLogDirectory() {}

  static void prepare(String logDir) {
    if (logDir.isBlank()) {
      return;
    }
    try {
      Path directory = Path.of(logDir);
      if (directory.isAbsolute() && !Files.isDirectory(directory)) {
        Files.createDirectories(directory);
      }
    } catch (IOException | InvalidPathException e) {
      log.debug("bridge: cannot create the frame log directory {}: {}", logDir, e.toString());
    }
  }
}
