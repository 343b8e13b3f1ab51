package dev.cuegate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The voluntary context switches of every thread of this process so far, from Linux's {@code
 * /proc/self/task/<tid>/status}. A thread switches voluntarily when it parks for work from
 * another, so per call this counts hand-offs between threads, whatever the machine's load.
 */
final class ContextSwitches {
  private static final Path TASKS = Path.of("/proc/self/task");
  private static final String FIELD = "voluntary_ctxt_switches:";

  private ContextSwitches() {}

  /** Whether this system reports them. */
  private static boolean available() {
    return Files.isDirectory(TASKS);
  }

  /**
   * The total over live threads; threads that ended in between are not counted, so the load
   * runner's figures come from steps whose threads outlive the count.
   */
  static long total() {
    if (!available()) {
      return 0;
    }
    try (Stream<Path> tasks = Files.list(TASKS)) {
      return tasks.mapToLong(ContextSwitches::ofTask).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long ofTask(Path task) {
    try (Stream<String> lines = Files.lines(task.resolve("status"))) {
      return lines
          .filter(line -> line.startsWith(FIELD))
          .mapToLong(line -> Long.parseLong(line.substring(FIELD.length()).trim()))
          .sum();
    } catch (IOException | UncheckedIOException e) {
      // The thread ended while the directory was read.
      return 0;
    }
  }
}
