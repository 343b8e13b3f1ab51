package dev.cuegate.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * CueGate as a child JVM ({@code dev.cuegate.Main serve}, the test's own classpath) on a data
 * directory of the test's, so that a test can kill it with SIGKILL and start it again. Close it
 * in {@code @AfterEach}; a shutdown hook also kills it should the test JVM exit first.
 */
public final class ChildCueGate implements AutoCloseable {
  private static final Pattern READY =
      Pattern.compile("CueGate ready in \\d+ ms: API on port (\\d+)");
  /** What the child keeps of the test JVM's environment: none of CueGate's own variables. */
  private static final Set<String> INHERITED = Set.of("PATH", "HOME", "USER", "LANG", "TMPDIR");
  private static final Duration POLL = Duration.ofMillis(50);

  private final Path dir;
  private final Map<String, String> env;
  private final Thread killer = new Thread(this::destroy, "child-cuegate-killer");
  private Process process;
  private Path output;
  private int port;
  private int runs;

  private ChildCueGate(Path dir, Map<String, String> env) {
    this.dir = dir;
    this.env = Map.copyOf(env);
  }

  /**
   * Starts CueGate with its {@code DATA_DIR} and {@code LOG_DIR} under {@code dir}, the test
   * token secret, an ephemeral API port, no admin port, no rate limit, and {@code env} on top;
   * answers once it logged that it is ready, or fails after {@code limit}.
   */
  public static ChildCueGate start(Path dir, Map<String, String> env, Duration limit) {
    ChildCueGate child = new ChildCueGate(dir, env);
    Runtime.getRuntime().addShutdownHook(child.killer);
    child.launch(0, Instant.now().plus(limit));
    return child;
  }

  /** The data directory the child serves. */
  public Path dataDir() {
    return dir.resolve("data");
  }

  /** The API port; a restart keeps it. */
  public int port() {
    return port;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** SIGTERM: the graceful stop an orchestrator asks for. */
  public void terminate() {
    process.destroy();
  }

  /** Whether the child process still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits up to {@code limit} for the child to exit; true when it did. */
  public boolean awaitExit(Duration limit) throws InterruptedException {
    return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** SIGKILL: no shutdown hook, no graceful stop, whatever is in flight is cut off. */
  public void kill() {
    destroy();
  }

  /**
   * Starts CueGate again on the same data and the same API port, as a supervisor would after a
   * crash. The port may still be held for a moment by the old process; starting is retried
   * until {@code limit}.
   */
  public void restart(Duration limit) {
    if (process.isAlive()) {
      throw new IllegalStateException("the child still runs; kill() it first");
    }
    launch(port, Instant.now().plus(limit));
  }

  /** What the current run printed, for failure messages. */
  public String output() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    destroy();
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException e) {
      // The JVM is shutting down and runs the hook anyway.
    }
  }

  private void launch(int wantedPort, Instant deadline) {
    while (true) {
      runs++;
      output = dir.resolve("cuegate-run-" + runs + ".out");
      process = spawn(wantedPort);
      Integer ready = awaitReady(deadline);
      if (ready != null) {
        port = ready;
        return;
      }
      String printed = output();
      destroy();
      if (Instant.now().isAfter(deadline) || !printed.contains("Address already in use")) {
        throw new AssertionError("CueGate did not become ready (run " + runs + "):\n" + printed);
      }
      awaitFree(wantedPort, deadline);
    }
  }

  /** Until the port the last run could not bind is free again (or the deadline passed). */
  private static void awaitFree(int port, Instant deadline) {
    try {
      await().atMost(timeLeft(deadline)).pollInterval(POLL).until(() -> canBind(port));
    } catch (ConditionTimeoutException e) {
      // The next run fails the same way, and the deadline then ends the attempts.
    }
  }

  private static boolean canBind(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** At least a millisecond: Awaitility refuses a zero or negative limit. */
  private static Duration timeLeft(Instant deadline) {
    Duration left = Duration.between(Instant.now(), deadline);
    return left.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : left;
  }

  private Process spawn(int wantedPort) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", classPath(), "dev.cuegate.Main", "serve"));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().retainAll(INHERITED);
    environment.put("JWT_SECRET", Tokens.SECRET);
    environment.put("REST_PORT", Integer.toString(wantedPort));
    environment.put("ADMIN_PORT", "0");
    environment.put("DATA_DIR", dataDir().toString());
    environment.put("LOG_DIR", dir.resolve("logs").toString());
    environment.put("RATE_LIMIT_RPS", "0");
    environment.put("SHUTDOWN_TIMEOUT", "0s");
    environment.putAll(env);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  /**
   * Surefire may run tests from a manifest-only jar; its property names the real classpath,
   * which holds the main classes and every dependency.
   */
  private static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /** The port the run logged it listens on, or null when it exited or the deadline passed. */
  private Integer awaitReady(Instant deadline) {
    try {
      await().atMost(timeLeft(deadline)).pollInterval(POLL)
          .until(() -> READY.matcher(output()).find() || !process.isAlive());
    } catch (ConditionTimeoutException e) {
      return null;
    }
    Matcher ready = READY.matcher(output());
    return ready.find() ? Integer.parseInt(ready.group(1)) : null;
  }

  private void destroy() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the child CueGate did not die within 30 s of SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
