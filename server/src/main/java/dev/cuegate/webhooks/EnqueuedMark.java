package dev.cuegate.webhooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;

/**
 * The id of the last event the webhooks took (queued for every endpoint that wants it, or
 * wanted by none), in one file beside the endpoints' directories. At start-up the journal's
 * events after it are taken again: those committed just before a crash, which the webhooks
 * never saw (docs/EVENTS.md, "Catching up after a crash").
 */
final class EnqueuedMark {
  /** Starts with {@code _}, which no endpoint name may, so no queue directory can clash. */
  static final String FILE = "_enqueued";

  private final Path file;

  EnqueuedMark(Path dir) {
    this.file = dir.resolve(FILE);
  }

  /** The mark an earlier run left; empty when none did (or a run without endpoints forgot it). */
  OptionalLong read() throws IOException {
    if (!Files.exists(file)) {
      return OptionalLong.empty();
    }
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    try {
      return OptionalLong.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      throw new IOException(file + ": expected an event id, got \"" + text + "\"", e);
    }
  }

  /** Moves the mark to {@code id}, atomically: a crash leaves the old mark or the new one. */
  void write(long id) throws IOException {
    Files.createDirectories(file.getParent());
    Path temporary = file.resolveSibling(FILE + ".tmp");
    Files.writeString(temporary, Long.toString(id), StandardCharsets.UTF_8);
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Drops the mark: events of a run without endpoints are not owed to anyone, so endpoints
   * configured later start with the events after their own start.
   */
  void forget() throws IOException {
    Files.deleteIfExists(file);
  }
}
