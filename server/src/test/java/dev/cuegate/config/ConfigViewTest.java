package dev.cuegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigViewTest {

  private static final String SECRET = "a-very-private-signing-secret-0123456789";

  @Test
  void defaultsAreShownInTheSyntaxOfTheirVariables() {
    GatewayConfig config = EnvConfigLoader.load(Map.of("JWT_SECRET", SECRET)).config();

    Map<String, Object> view = ConfigView.of(config);

    assertThat(view).containsExactly(
        entry("CUEBOT_ENDPOINT", "embedded"),
        entry("REST_PORT", 8448),
        entry("JWT_SECRET", "[redacted]"),
        entry("JWT_SECRET_FILE", null),
        entry("JWT_LEEWAY", "30s"),
        entry("JWT_ISSUER", null),
        entry("JWT_AUDIENCE", null),
        entry("LOG_LEVEL", "info"),
        entry("LOG_DIR", "/logs"),
        entry("GRPC_TIMEOUT", "30s"),
        entry("HTTP_TIMEOUT", "1m0s"),
        entry("MAX_CONCURRENT_STREAMS", 100),
        entry("KEEPALIVE_TIME", "30s"),
        entry("KEEPALIVE_TIMEOUT", "5s"),
        entry("GRPC_MAX_RECV_MSG_MB", 256),
        entry("TLS_CERT_FILE", null),
        entry("TLS_KEY_FILE", null),
        entry("CORS_ORIGINS", "*"),
        entry("CORS_HEADERS", "*"),
        entry("RATE_LIMIT_RPS", 100),
        entry("FIELD_VALIDATION", "Warn"),
        entry("MAX_REQUEST_BYTES", 16L * 1024 * 1024),
        entry("SHUTDOWN_TIMEOUT", "10s"),
        entry("HIDDEN_SERVICES", "rqd.*,report.RqdReportInterface"),
        entry("DATA_DIR", "./data"),
        entry("ADMIN_PORT", 8449),
        entry("ADMIN_BIND", null),
        entry("LOG_FORMAT", "text"),
        entry("OTEL_EXPORTER_OTLP_ENDPOINT", null),
        entry("CORS_METHODS", "POST,GET,OPTIONS"),
        entry("CORS_MAX_AGE", "10m0s"),
        entry("CORS_ALLOW_CREDENTIALS", false),
        entry("RATE_LIMIT_BURST", 100),
        entry("MAX_HEADER_BYTES", 64L * 1024),
        entry("IDLE_TIMEOUT", "1m0s"),
        entry("MAX_IN_FLIGHT", 512),
        entry("CUEBOT_TLS", false),
        entry("CUEBOT_CA_FILE", null),
        entry("AUTHZ_POLICY_FILE", null),
        entry("DATABASE_URL", "jdbc:sqlite:./data/farm.db"),
        // Absolute: it becomes the jobs' log directories, which other programs read.
        entry("FRAME_LOG_ROOT", Path.of("data/frame-logs").toAbsolutePath().toString()),
        entry("WORKER_REGISTRATION_SECRET", null),
        entry("WORKER_TASK_TYPES", null),
        entry("WORKER_SECRET_ITERATIONS", 600000),
        entry("WORKER_VARIABLES_FILE", null),
        entry("RQD_BRIDGE", false),
        entry("RQD_PORT", 8444),
        entry("RQD_HOST_NAME", config.bridge().hostName()),
        entry("RQD_FACILITY", "local"),
        entry("RQD_TAGS", "general,util,64bit"),
        entry("RQD_OS", "Linux"),
        entry("RQD_REPORT_INTERVAL", "30s"),
        entry("RQD_WORKER_CORES", 1),
        entry("RQD_WORKER_MEMORY_MB", 4096L),
        entry("RQD_FRAME_TAKE_TIMEOUT", "1m0s"),
        entry("SHAMAN_ENABLED", true),
        entry("SHAMAN_STORE_PATH", "./data/shaman/file-store"),
        entry("SHAMAN_CHECKOUT_PATH", "./data/shaman/checkout"),
        entry("SHAMAN_EXTRA_CHECKOUT_ROOTS", ""),
        entry("SHAMAN_GC_PERIOD", "24h0m0s"),
        entry("SHAMAN_GC_MAX_AGE", "744h0m0s"),
        entry("SHAMAN_MAX_UPLOAD_BYTES", 64L << 30),
        entry("SHAMAN_ES256_PUBLIC_KEYS_FILE", null),
        entry("COALESCE_READS", true),
        entry("READ_CACHE_TTL", "0s"),
        entry("EVENTS_BUFFER", 10000),
        entry("EVENTS_MAX_PENDING", 1000),
        entry("EVENTS_HEARTBEAT", "15s"),
        entry("EVENTS_POLL_INTERVAL", "5s"),
        entry("WEBHOOKS_FILE", null),
        entry("BACKEND", "embedded farm: CueGate serves OpenCue's API itself, no Cuebot"));
  }

  @Test
  void everyVariableTheLoaderReadsIsShown() {
    GatewayConfig config = EnvConfigLoader.load(Map.of("JWT_SECRET", SECRET)).config();

    assertThat(ConfigView.of(config).keySet())
        .containsAll(Arrays.stream(Variable.values()).map(Enum::name).toList());
  }

  @Test
  void theSecretNeverAppearsButItsFileDoes(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("jwt"), SECRET + "\n");
    GatewayConfig config =
        EnvConfigLoader.load(Map.of("JWT_SECRET_FILE", file.toString())).config();

    Map<String, Object> view = ConfigView.of(config);

    assertThat(view).contains(
        entry("JWT_SECRET", "[redacted]"), entry("JWT_SECRET_FILE", file.toString()));
    assertThat(view.toString()).doesNotContain(SECRET);
  }

  @Test
  void theWorkerRegistrationSecretIsRedactedAndTaskTypesShownAsGiven() {
    GatewayConfig config = EnvConfigLoader.load(Map.of("JWT_SECRET", SECRET,
        "WORKER_REGISTRATION_SECRET", "worker-registration-secret",
        "WORKER_TASK_TYPES", "blender=blender-render,*=exec")).config();

    Map<String, Object> view = ConfigView.of(config);

    assertThat(view).contains(entry("WORKER_REGISTRATION_SECRET", "[redacted]"),
        entry("WORKER_TASK_TYPES", "*=exec,blender=blender-render"));
    assertThat(view.toString()).doesNotContain("worker-registration-secret");
  }

  @Test
  void emptyHiddenServicesAreShownAsNoneSoTheViewCanBeFedBack() {
    GatewayConfig config =
        EnvConfigLoader.load(Map.of("JWT_SECRET", SECRET, "HIDDEN_SERVICES", "none")).config();

    Map<String, Object> view = ConfigView.of(config);

    assertThat(view).contains(entry("HIDDEN_SERVICES", "none"));
  }

  @Test
  void configuredValuesAreShownAsGiven() {
    GatewayConfig config = EnvConfigLoader.load(Map.of(
        "JWT_SECRET", SECRET,
        "CUEBOT_ENDPOINT", "a:1,b:2",
        "GRPC_TIMEOUT", "90s",
        "JWT_ISSUER", "cueweb",
        "FIELD_VALIDATION", "STRICT")).config();

    Map<String, Object> view = ConfigView.of(config);

    assertThat(view).contains(
        entry("CUEBOT_ENDPOINT", "a:1,b:2"),
        entry("BACKEND", "cuebot"),
        entry("GRPC_TIMEOUT", "1m30s"),
        entry("JWT_ISSUER", "cueweb"),
        entry("FIELD_VALIDATION", "Strict"));
  }

  @Test
  void aPasswordInTheDatabaseUrlIsRedacted() {
    GatewayConfig config = EnvConfigLoader.load(Map.of(
        "JWT_SECRET", SECRET,
        "DATABASE_URL", "jdbc:postgresql://db/cuegate?user=cue&password=hunter2&ssl=true"))
        .config();

    Map<String, Object> view = ConfigView.of(config);

    assertThat(view).contains(entry("DATABASE_URL",
        "jdbc:postgresql://db/cuegate?user=cue&password=[redacted]&ssl=true"));
    assertThat(view.toString()).doesNotContain("hunter2");
  }
}
