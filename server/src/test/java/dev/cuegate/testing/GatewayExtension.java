package dev.cuegate.testing;

import dev.cuegate.config.EnvConfigLoader;
import dev.cuegate.config.GatewayConfig;
import dev.cuegate.farm.EmbeddedFarm;
import dev.cuegate.server.CueGate;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real gateway on an ephemeral port in front of a {@link FakeCuebot} (or, with {@link
 * #embedded()}, its own embedded farm), for black-box HTTP tests. Register it in a static field:
 * both start once per class, and the fake's data is reset before each test. The embedded farm's
 * data is not reset: tests give their jobs unique names. The admin port listens on an ephemeral
 * port of 127.0.0.1 unless the test sets {@code ADMIN_PORT}. Rate limiting is off unless the test
 * sets {@code RATE_LIMIT_RPS}. With {@link #perTest()} each test gets a gateway (and data) of its
 * own instead.
 */
public final class GatewayExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private final Map<String, String> env = new HashMap<>();
  private Clock clock = Clock.systemUTC();
  private boolean embedded;
  private TestDatabase database = TestDatabase.SQLITE;
  private GatewayExtension sharedWith;
  private boolean perTest;
  private GatewayConfig config;
  private FakeCuebot cuebot;
  private CueGate gate;
  private Path dataDir;
  private HttpClient client;

  /** Extra environment variables for the gateway's configuration. */
  public GatewayExtension env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /**
   * The clock the gateway checks tokens and rate limits against, and the fake Cuebot's clock
   * (its change stamps and {@code server_time}s).
   */
  public GatewayExtension clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /** Serve the embedded farm (no CUEBOT_ENDPOINT) instead of a fake Cuebot. */
  public GatewayExtension embedded() {
    embedded = true;
    return this;
  }

  /**
   * Serve the embedded farm on {@code database}: SQLite in the data directory, as by default, or
   * a PostgreSQL database of this class's own.
   */
  public GatewayExtension embedded(TestDatabase database) {
    this.database = database;
    return embedded();
  }

  /**
   * Serve the embedded farm on the database of {@code other}, as a second CueGate process would
   * share it. Register this extension after {@code other} (with {@code @Order}).
   */
  public GatewayExtension embeddedSharing(GatewayExtension other) {
    sharedWith = other;
    return embedded();
  }

  /**
   * A fresh gateway, fake Cuebot and data directory for each test, for tests of state that one
   * test would leave to the next.
   */
  public GatewayExtension perTest() {
    perTest = true;
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    if (!perTest) {
      start();
    }
  }

  private void start() throws IOException {
    dataDir = Files.createTempDirectory("cuegate-test");
    Map<String, String> all = new HashMap<>();
    if (!embedded) {
      cuebot = FakeCuebot.start(0, clock);
      all.put("CUEBOT_ENDPOINT", cuebot.target());
    }
    all.put("REST_PORT", "0");
    all.put("JWT_SECRET", Tokens.SECRET);
    all.put("LOG_DIR", dataDir.resolve("logs").toString());
    all.put("DATA_DIR", dataDir.resolve("data").toString());
    all.put("SHUTDOWN_TIMEOUT", "0s");
    // A test's request rate depends on the machine's speed; tests of the limiter turn it on.
    all.put("RATE_LIMIT_RPS", "0");
    if (sharedWith != null) {
      all.put("DATABASE_URL", sharedWith.databaseUrl());
    } else if (embedded && database == TestDatabase.POSTGRES) {
      all.put("DATABASE_URL", database.freshUrl(dataDir));
    }
    all.putAll(env);
    config = EnvConfigLoader.load(all).config();
    if (!env.containsKey("ADMIN_PORT")) {
      config = withEphemeralAdminPort(config);
    }
    gate = CueGate.start(config, clock);
    // HTTP/1.1: on cleartext the JDK client's default, HTTP/2 by upgrade, once left a request
    // unsent until the admin port closed the idle connection (2 minutes), its 30 s timeout
    // notwithstanding. CleartextTest and TlsTest cover HTTP/2 with clients of their own.
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** Port 0 means "disabled" in the environment, so an ephemeral port is set on the record. */
  private static GatewayConfig withEphemeralAdminPort(GatewayConfig config) {
    GatewayConfig.Operations operations =
        new GatewayConfig.Operations(
            true, Optional.of("127.0.0.1"), 0, config.operations().otlpEndpoint());
    return new GatewayConfig(
        config.http(),
        config.auth(),
        config.upstream(),
        config.logging(),
        config.fieldValidation(),
        config.dataDir(),
        config.shaman(),
        operations,
        config.security(),
        config.farm(),
        config.workers(),
        config.bridge(),
        config.reads(),
        config.events());
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    if (perTest) {
      start();
      return;
    }
    if (cuebot == null) {
      return;
    }
    if (!cuebot.isRunning()) {
      cuebot.restart();
    }
    cuebot.reset();
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (perTest) {
      stop();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (!perTest) {
      stop();
    }
  }

  private void stop() throws IOException {
    gate.close();
    if (cuebot != null) {
      cuebot.close();
    }
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  /** Stops the gateway and starts it again on the same data, as after a crash or an upgrade. */
  public void restart() {
    gate.close();
    gate = CueGate.start(config, clock);
  }

  /** The configuration the gateway runs with. */
  public GatewayConfig config() {
    return config;
  }

  /** The embedded farm, to play the part of the hosts that run frames. */
  public EmbeddedFarm farm() {
    return gate.farm().orElseThrow(() -> new IllegalStateException("not embedded()"));
  }

  /** The embedded farm's JDBC URL. */
  public String databaseUrl() {
    return config.farm().databaseUrl();
  }

  public FakeCuebot cuebot() {
    return cuebot;
  }

  /** The gateway's {@code DATA_DIR}. */
  public Path dataDir() {
    return config.dataDir();
  }

  /** The gateway's API port. */
  public int port() {
    return gate.apiPort();
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + gate.apiPort() + path);
  }

  /** The running gateway. */
  public CueGate gate() {
    return gate;
  }

  /** {@code path} on the admin port. */
  public URI adminUri(String path) {
    int port = gate.adminPort().orElseThrow(() -> new IllegalStateException("no admin port"));
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** {@code GET path} on the admin port, without a token. */
  public HttpResponse<String> admin(String path) {
    return send(HttpRequest.newBuilder(adminUri(path)).timeout(Duration.ofSeconds(30)).build());
  }

  /** A request to {@code path} that carries a valid token. */
  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + Tokens.valid());
  }

  /** {@code POST path} with a JSON body and a valid token. */
  public HttpResponse<String> post(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    return TestHttp.send(client, request);
  }
}
