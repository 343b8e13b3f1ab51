package dev.cuegate.webhooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The deliveries one endpoint still owes, one file per delivery named by the event id in a
 * directory of its own. A file is written atomically (a temporary file moved into place) and
 * deleted once the receiver acknowledged it, so a restart resends exactly what was not
 * acknowledged.
 */
final class DeliveryStore {
  private static final String SUFFIX = ".json";
  private final Path dir;

  DeliveryStore(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  /** What is left from an earlier run, oldest first; half-written temporary files are dropped. */
  List<Delivery> pending() throws IOException {
    List<Delivery> pending = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted(Comparator.comparing(DeliveryStore::idOf)).toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(SUFFIX) && idOf(file) >= 0) {
          pending.add(new Delivery(idOf(file), Files.readString(file, StandardCharsets.UTF_8)));
        } else {
          Files.deleteIfExists(file);
        }
      }
    }
    return pending;
  }

  void add(Delivery delivery) throws IOException {
    Path temporary = dir.resolve(delivery.id() + SUFFIX + ".tmp");
    Files.writeString(temporary, delivery.body(), StandardCharsets.UTF_8);
    Files.move(temporary, file(delivery.id()), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  boolean holds(long id) {
    return Files.exists(file(id));
  }

  void acknowledged(long id) throws IOException {
    Files.deleteIfExists(file(id));
  }

  private Path file(long id) {
    return dir.resolve(id + SUFFIX);
  }

  private static long idOf(Path file) {
    String name = file.getFileName().toString();
    if (!name.endsWith(SUFFIX)) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
