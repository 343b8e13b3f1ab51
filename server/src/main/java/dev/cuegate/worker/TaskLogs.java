package dev.cuegate.worker;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log file per task under {@code DATA_DIR/task-logs/<job>/task-<task>.txt}. When a task
 * starts again its old log is kept as {@code .1} (the previous one as {@code .2}, …), so the
 * current file is always the latest run's.
 */
final class TaskLogs {
  /** Logs up to this size are served whole. */
  static final long WHOLE_LIMIT = 1 << 20;
  static final int HEAD_BYTES = 256 << 10;
  static final int TAIL_BYTES = 512 << 10;
  private static final Logger log = LoggerFactory.getLogger(TaskLogs.class);
  private static final int KEPT_ROTATIONS = 5;
  private static final int LOCK_STRIPES = 64;

  private final Path root;
  private final Object[] locks = new Object[LOCK_STRIPES];

  TaskLogs(Path root) {
    this.root = root;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
  }

  /** Keeps the previous run's log aside before the task runs again. */
  void rotate(String jobId, String taskId) {
    Path current = file(jobId, taskId);
    synchronized (lock(taskId)) {
      try {
        if (!Files.isRegularFile(current) || Files.size(current) == 0) {
          return;
        }
        for (int i = KEPT_ROTATIONS - 1; i >= 1; i--) {
          Path older = rotated(current, i);
          if (Files.exists(older)) {
            Files.move(older, rotated(current, i + 1), StandardCopyOption.REPLACE_EXISTING);
          }
        }
        Files.move(current, rotated(current, 1), StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot rotate the log of task " + taskId, e);
      }
    }
  }

  void append(String jobId, String taskId, String text) {
    if (text.isEmpty()) {
      return;
    }
    Path file = file(jobId, taskId);
    String lines = text.endsWith("\n") ? text : text + "\n";
    synchronized (lock(taskId)) {
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the log of task " + taskId, e);
      }
    }
  }

  /**
   * Appends to a log file outside the store (where OpenCue's tools read a frame's log) when its
   * directory exists and may be written; the task log is the one kept in any case.
   */
  void appendIfWritable(Path file, String text) {
    Path directory = file.getParent();
    if (text.isEmpty() || directory == null || !Files.isDirectory(directory)
        || !Files.isWritable(directory)) {
      return;
    }
    String lines = text.endsWith("\n") ? text : text + "\n";
    synchronized (lock(file.toString())) {
      try {
        Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        log.warn("cannot write the frame log {}: {}", file, e.getMessage());
      }
    }
  }

  /**
   * The task's current log; a large one as its head, a line saying how much was left out, and
   * its tail, unless {@code whole}. Empty when the task has no log.
   */
  Optional<String> read(String jobId, String taskId, boolean whole) {
    Path file = file(jobId, taskId);
    synchronized (lock(taskId)) {
      try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
        long size = log.length();
        if (whole || size <= WHOLE_LIMIT) {
          return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        }
        byte[] head = new byte[HEAD_BYTES];
        log.readFully(head);
        byte[] tail = new byte[TAIL_BYTES];
        log.seek(size - TAIL_BYTES);
        log.readFully(tail);
        long skipped = size - HEAD_BYTES - TAIL_BYTES;
        return Optional.of(new String(head, StandardCharsets.UTF_8)
            + "\n... Skipped " + (skipped + 1023) / 1024 + " KiB ...\n"
            + new String(tail, StandardCharsets.UTF_8));
      } catch (NoSuchFileException | FileNotFoundException e) {
        return Optional.empty();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the log of task " + taskId, e);
      }
    }
  }

  private Path file(String jobId, String taskId) {
    return root.resolve(jobId).resolve("task-" + taskId + ".txt");
  }

  private static Path rotated(Path current, int generation) {
    return current.resolveSibling(current.getFileName() + "." + generation);
  }

  private Object lock(String taskId) {
    return locks[Math.floorMod(taskId.hashCode(), LOCK_STRIPES)];
  }
}
