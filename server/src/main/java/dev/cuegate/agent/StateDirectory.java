package dev.cuegate.agent;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;

/**
 * A worker agent's state directory, held for as long as the agent runs: its registration is one
 * worker's, so a second agent on the same directory must not start (docs/WORKERS.md).
 */
public final class StateDirectory implements AutoCloseable {
  static final String LOCK_FILE = "agent.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private StateDirectory(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * The default directory: {@code $XDG_STATE_HOME/cuegate/worker}, else
   * {@code $HOME/.local/state/cuegate/worker}. Read from the environment because Java's
   * {@code user.home} comes from the password database and does not follow {@code $HOME}; it is
   * the last resort only.
   */
  public static Path defaultPath(Map<String, String> environment) {
    Optional<String> xdg = nonBlank(environment.get("XDG_STATE_HOME"));
    Path stateHome = xdg.map(Path::of).orElseGet(() -> Path.of(
        nonBlank(environment.get("HOME")).orElseGet(() -> System.getProperty("user.home")),
        ".local", "state"));
    return stateHome.resolve("cuegate").resolve("worker");
  }

  /**
   * Creates {@code dir} if needed and locks it.
   *
   * @throws InUse when another agent, in this process or another, holds it
   */
  static StateDirectory lock(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(LOCK_FILE);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new InUse(dir);
    }
    return new StateDirectory(channel, lock);
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }

  private static Optional<String> nonBlank(String value) {
    return Optional.ofNullable(value).filter(text -> !text.isBlank());
  }

  /** Another agent runs with this state directory: its registration is not this agent's. */
  public static final class InUse extends IOException {
    InUse(Path dir) {
      super("another worker agent is running with the state directory " + dir
          + " (it holds " + dir.resolve(LOCK_FILE) + "); each agent needs its own --state-dir");
    }
  }
}
