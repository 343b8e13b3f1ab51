package dev.cuegate.bench;

import dev.cuegate.config.EnvConfigLoader;
import dev.cuegate.config.LogFormat;
import dev.cuegate.logging.LogSetup;
import dev.cuegate.server.CueGate;
import dev.cuegate.testing.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real gateway, in this process on an ephemeral loopback port, in front of a Cuebot. Logs at
 * WARN, so the per-request access log line is not part of what is measured.
 */
final class BenchGateway implements AutoCloseable {
  private final CueGate gate;
  private final Path dataDir;
  private final String token = Tokens.valid();

  private BenchGateway(CueGate gate, Path dataDir) {
    this.gate = gate;
    this.dataDir = dataDir;
  }

  static BenchGateway start(String cuebotTarget) throws IOException {
    return start(cuebotTarget, Map.of());
  }

  /** As {@link #start(String)}, with {@code extra} settings on top of the bench's own. */
  static BenchGateway start(String cuebotTarget, Map<String, String> extra) throws IOException {
    Path dir = Files.createTempDirectory("cuegate-bench");
    LogSetup.configure("warn", dir.resolve("logs"), LogFormat.TEXT);
    Map<String, String> env = new HashMap<>(
        Map.of(
            "CUEBOT_ENDPOINT", cuebotTarget,
            "REST_PORT", "0",
            "JWT_SECRET", Tokens.SECRET,
            "LOG_LEVEL", "warn",
            "LOG_DIR", dir.resolve("logs").toString(),
            "DATA_DIR", dir.resolve("data").toString(),
            "SHUTDOWN_TIMEOUT", "0s",
            // Load runs measure the request path, not the limits that protect it.
            "RATE_LIMIT_RPS", "0",
            "ADMIN_PORT", "0"));
    env.putAll(extra);
    return new BenchGateway(CueGate.start(EnvConfigLoader.load(env).config()), dir);
  }

  /** The API's port on 127.0.0.1. */
  int port() {
    return gate.apiPort();
  }

  /** A valid bearer token for the API. */
  String token() {
    return token;
  }

  /** {@code POST path} with a JSON body and a valid token. */
  HttpRequest post(String path, String json) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  @Override
  public void close() throws IOException {
    gate.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
