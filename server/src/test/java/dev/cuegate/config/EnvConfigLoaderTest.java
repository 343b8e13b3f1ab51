package dev.cuegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnvConfigLoaderTest {

  private static final String STRONG_SECRET = "kJ8s2Lq9Zx4Vn7Bw1Mc5Rt3Yh6Gf0Dp-strong";

  private static Map<String, String> env(String... keysAndValues) {
    Map<String, String> env = new HashMap<>();
    env.put("JWT_SECRET", STRONG_SECRET);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      env.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return env;
  }

  private static GatewayConfig load(String... keysAndValues) {
    return EnvConfigLoader.load(env(keysAndValues)).config();
  }

  @Nested
  class Defaults {

    @Test
    void everyUnsetVariableTakesTheDocumentedDefault() {
      GatewayConfig config = load();

      assertThat(config.upstream().endpoints()).isEmpty();
      assertThat(config.farm().enabled()).isTrue();
      assertThat(config.farm().databaseUrl()).isEqualTo("jdbc:sqlite:./data/farm.db");
      assertThat(config.http().port()).isEqualTo(8448);
      assertThat(config.auth().leeway()).isEqualTo(Duration.ofSeconds(30));
      assertThat(config.auth().issuer()).isEmpty();
      assertThat(config.auth().audience()).isEmpty();
      assertThat(config.auth().secretFile()).isEmpty();
      assertThat(config.logging().level()).isEqualTo("info");
      assertThat(config.logging().dir()).isEqualTo(Path.of("/logs"));
      assertThat(config.upstream().timeout()).isEqualTo(Duration.ofSeconds(30));
      assertThat(config.http().requestTimeout()).isEqualTo(Duration.ofSeconds(60));
      assertThat(config.upstream().maxConcurrentStreams()).isEqualTo(100);
      assertThat(config.upstream().keepaliveTime()).isEqualTo(Duration.ofSeconds(30));
      assertThat(config.upstream().keepaliveTimeout()).isEqualTo(Duration.ofSeconds(5));
      assertThat(config.upstream().maxInboundMessageBytes()).isEqualTo(256 * 1024 * 1024);
      assertThat(config.http().tlsCertFile()).isEmpty();
      assertThat(config.http().tlsKeyFile()).isEmpty();
      assertThat(config.security().cors().origins()).containsExactly("*");
      assertThat(config.security().cors().headers()).containsExactly("*");
      assertThat(config.security().rateLimit().rps()).isEqualTo(100);
      assertThat(config.fieldValidation()).isEqualTo(FieldValidation.WARN);
      assertThat(config.http().maxRequestBytes()).isEqualTo(16L * 1024 * 1024);
      assertThat(config.http().shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
      assertThat(config.upstream().hiddenServices())
          .containsExactly("rqd.*", "report.RqdReportInterface");
      assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
      assertThat(config.logging().format()).isEqualTo(LogFormat.TEXT);
      assertThat(config.operations())
          .isEqualTo(new GatewayConfig.Operations(true, Optional.empty(), 8449, Optional.empty()));
    }

    @Test
    void blankValuesCountAsUnset() {
      GatewayConfig config = load("REST_PORT", "", "GRPC_TIMEOUT", "  ", "LOG_LEVEL", "");

      assertThat(config.http().port()).isEqualTo(8448);
      assertThat(config.upstream().timeout()).isEqualTo(Duration.ofSeconds(30));
      assertThat(config.logging().level()).isEqualTo("info");
    }
  }

  @Nested
  class ValidValues {

    @Test
    void everyVariableAcceptsAValidValue() {
      GatewayConfig config = load(
          "CUEBOT_ENDPOINT", "cuebot-1:8443, cuebot-2.example.com:9443,[::1]:8443",
          "REST_PORT", "9000",
          "JWT_LEEWAY", "1m30s",
          "JWT_ISSUER", "cueweb",
          "JWT_AUDIENCE", "cuegate",
          "LOG_LEVEL", "DEBUG",
          "LOG_DIR", "/var/log/cuegate",
          "GRPC_TIMEOUT", "500ms",
          "HTTP_TIMEOUT", "1.5h",
          "MAX_CONCURRENT_STREAMS", "7",
          "KEEPALIVE_TIME", "10s",
          "KEEPALIVE_TIMEOUT", "1s",
          "GRPC_MAX_RECV_MSG_MB", "2047",
          "CORS_ORIGINS", "https://cueweb.example.com,http://localhost:3000,https://*.example.org",
          "CORS_HEADERS", "Authorization, Content-Type",
          "RATE_LIMIT_RPS", "0",
          "FIELD_VALIDATION", "strict",
          "MAX_REQUEST_BYTES", "512KiB",
          "SHUTDOWN_TIMEOUT", "0",
          "HIDDEN_SERVICES", "rqd.*",
          "DATA_DIR", "/srv/cuegate",
          "ADMIN_PORT", "9090",
          "ADMIN_BIND", "127.0.0.1",
          "LOG_FORMAT", "JSON",
          "OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4318");

      assertThat(config.upstream().endpoints())
          .containsExactly("cuebot-1:8443", "cuebot-2.example.com:9443", "[::1]:8443");
      assertThat(config.http().port()).isEqualTo(9000);
      assertThat(config.auth().leeway()).isEqualTo(Duration.ofSeconds(90));
      assertThat(config.auth().issuer()).contains("cueweb");
      assertThat(config.auth().audience()).contains("cuegate");
      assertThat(config.logging().level()).isEqualTo("debug");
      assertThat(config.logging().dir()).isEqualTo(Path.of("/var/log/cuegate"));
      assertThat(config.upstream().timeout()).isEqualTo(Duration.ofMillis(500));
      assertThat(config.http().requestTimeout()).isEqualTo(Duration.ofMinutes(90));
      assertThat(config.upstream().maxConcurrentStreams()).isEqualTo(7);
      assertThat(config.upstream().keepaliveTime()).isEqualTo(Duration.ofSeconds(10));
      assertThat(config.upstream().keepaliveTimeout()).isEqualTo(Duration.ofSeconds(1));
      assertThat(config.upstream().maxInboundMessageBytes()).isEqualTo(2047 * 1024 * 1024);
      assertThat(config.security().cors().origins()).containsExactly(
          "https://cueweb.example.com", "http://localhost:3000", "https://*.example.org");
      assertThat(config.security().cors().headers()).containsExactly("Authorization", "Content-Type");
      assertThat(config.security().rateLimit().rps()).isZero();
      assertThat(config.fieldValidation()).isEqualTo(FieldValidation.STRICT);
      assertThat(config.http().maxRequestBytes()).isEqualTo(512 * 1024);
      assertThat(config.http().shutdownGrace()).isZero();
      assertThat(config.upstream().hiddenServices()).containsExactly("rqd.*");
      assertThat(config.dataDir()).isEqualTo(Path.of("/srv/cuegate"));
      assertThat(config.logging().format()).isEqualTo(LogFormat.JSON);
      assertThat(config.operations())
          .isEqualTo(new GatewayConfig.Operations(
              true, Optional.of("127.0.0.1"), 9090, Optional.of("http://otel-collector:4318")));
    }

    @Test
    void adminPortZeroDisablesTheAdminPort() {
      assertThat(load("ADMIN_PORT", "0").operations().adminEnabled()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "::1", "localhost", "admin.internal"})
    void adminBindAcceptsAddressesAndHostNames(String address) {
      assertThat(load("ADMIN_BIND", address).operations().adminBind()).contains(address);
    }

    @Test
    void restPortZeroMeansAnEphemeralPort() {
      assertThat(load("REST_PORT", "0").http().port()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"1048576, 1048576", "16MiB, 16777216", "1GiB, 1073741824", "2kib, 2048",
        "4Mi, 4194304", "10B, 10"})
    void maxRequestBytesAcceptsPlainAndBinarySuffixedSizes(String text, long bytes) {
      assertThat(load("MAX_REQUEST_BYTES", text).http().maxRequestBytes()).isEqualTo(bytes);
    }

    @Test
    void hiddenServicesNoneExposesEverything() {
      assertThat(load("HIDDEN_SERVICES", "none").upstream().hiddenServices()).isEmpty();
    }

    @Test
    void tlsIsConfiguredWhenBothFilesExist(@TempDir Path dir) throws IOException {
      Path cert = Files.writeString(dir.resolve("cert.pem"), "cert");
      Path key = Files.writeString(dir.resolve("key.pem"), "key");

      GatewayConfig config = load("TLS_CERT_FILE", cert.toString(), "TLS_KEY_FILE", key.toString());

      assertThat(config.http().tlsCertFile()).contains(cert);
      assertThat(config.http().tlsKeyFile()).contains(key);
    }
  }

  @Nested
  class BackendSelection {

    @Test
    void theBridgeTakesItsHostShapeFromTheRqdVariables() {
      GatewayConfig.Bridge bridge = load(
          "CUEBOT_ENDPOINT", "cuebot:8443",
          "RQD_BRIDGE", "true",
          "RQD_PORT", "18444",
          "RQD_HOST_NAME", "cloud-render",
          "RQD_FACILITY", "cloud",
          "RQD_TAGS", "general, gpu",
          "RQD_OS", "rocky9",
          "RQD_REPORT_INTERVAL", "10s",
          "RQD_WORKER_CORES", "8",
          "RQD_WORKER_MEMORY_MB", "32000",
          "RQD_FRAME_TAKE_TIMEOUT", "90s").bridge();

      assertThat(bridge).isEqualTo(new GatewayConfig.Bridge(true, 18444, "cloud-render",
          "cloud", List.of("general", "gpu"), "rocky9", Duration.ofSeconds(10), 8, 32000,
          Duration.ofSeconds(90)));
    }

    @Test
    void theBridgeIsOffByDefaultAndNamesAHostWithoutItsDomain() {
      GatewayConfig.Bridge bridge = load().bridge();

      assertThat(bridge.enabled()).isFalse();
      assertThat(bridge.port()).isEqualTo(8444);
      assertThat(bridge.hostName()).doesNotContain(".").isNotEmpty();
      assertThat(bridge.tags()).containsExactly("general", "util", "64bit");
      assertThat(bridge.reportInterval()).isEqualTo(Duration.ofSeconds(30));
      assertThat(bridge.frameTakeTimeout()).isEqualTo(Duration.ofMinutes(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "-1m", "soon"})
    void aFrameTakeTimeoutThatIsNotAPositiveDurationFailsNamingIt(String value) {
      assertThatThrownBy(() -> load("CUEBOT_ENDPOINT", "cuebot:8443", "RQD_BRIDGE", "true",
              "RQD_FRAME_TAKE_TIMEOUT", value))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("RQD_FRAME_TAKE_TIMEOUT: expected a positive Go duration");
    }

    @Test
    void theBridgeWithoutACuebotFailsNamingRqdBridge() {
      assertThatThrownBy(() -> load("RQD_BRIDGE", "true"))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("RQD_BRIDGE: expected ")
          .hasMessageContaining("CUEBOT_ENDPOINT");
    }

    @Test
    void aCuebotEndpointTurnsTheEmbeddedFarmOff() {
      GatewayConfig config = load("CUEBOT_ENDPOINT", "cuebot:8443");

      assertThat(config.farm().enabled()).isFalse();
      assertThat(config.upstream().endpoints()).containsExactly("cuebot:8443");
    }

    @Test
    void embeddedAsksForTheEmbeddedFarmExplicitly() {
      GatewayConfig config = load("CUEBOT_ENDPOINT", "Embedded");

      assertThat(config.farm().enabled()).isTrue();
      assertThat(config.upstream().endpoints()).isEmpty();
    }

    @Test
    void theDatabaseDefaultsToASqliteFileUnderTheDataDir() {
      GatewayConfig config = load("DATA_DIR", "/var/lib/cuegate");

      assertThat(config.farm().databaseUrl()).isEqualTo("jdbc:sqlite:/var/lib/cuegate/farm.db");
    }

    @Test
    void workersRegisterFreelyWithSlowSecretHashesAndTheirOwnTaskTypesByDefault() {
      GatewayConfig.Workers workers = load().workers();

      assertThat(workers.registrationSecret()).isEmpty();
      assertThat(workers.taskTypes()).isEmpty();
      assertThat(workers.secretIterations()).isEqualTo(600_000);
      assertThat(workers.variables()).isEmpty();
    }

    @Test
    void workerTaskTypesMapServicesCaseInsensitivelyToTaskTypes() {
      GatewayConfig.Workers workers = load(
          "WORKER_TASK_TYPES", "Blender=blender-render, *=exec",
          "WORKER_REGISTRATION_SECRET", "registration-secret").workers();

      assertThat(workers.taskTypes())
          .containsOnly(Map.entry("blender", "blender-render"), Map.entry("*", "exec"));
      assertThat(workers.registrationSecret()).hasValueSatisfying(secret ->
          assertThat(new String(secret, StandardCharsets.UTF_8)).isEqualTo("registration-secret"));
    }

    @Test
    void workerVariablesFileGivesEachPlaceholderItsValuePerPlatform(@TempDir Path dir)
        throws IOException {
      Path file = Files.writeString(dir.resolve("variables.json"),
          "{\"blender\": {\"linux\": \"/usr/bin/blender\", \"all\": \"blender.exe\"}}");

      GatewayConfig.Workers workers = load("WORKER_VARIABLES_FILE", file.toString()).workers();

      assertThat(workers.variablesFile()).contains(file);
      assertThat(workers.variables()).containsOnly(Map.entry("blender",
          Map.of("linux", "/usr/bin/blender", "all", "blender.exe")));
    }

    @Test
    void databaseUrlSelectsAnotherDatabase() {
      GatewayConfig config = load("DATABASE_URL", "jdbc:postgresql://db/cuegate");

      assertThat(config.farm().databaseUrl()).isEqualTo("jdbc:postgresql://db/cuegate");
    }
  }

  @Nested
  class InvalidValues {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "CUEBOT_ENDPOINT|cuebot",
        "CUEBOT_ENDPOINT|cuebot:",
        "CUEBOT_ENDPOINT|:8443",
        "CUEBOT_ENDPOINT|cuebot:0",
        "CUEBOT_ENDPOINT|cuebot:70000",
        "CUEBOT_ENDPOINT|cuebot:8443,,other:8443",
        "CUEBOT_ENDPOINT|http://cuebot:8443",
        "REST_PORT|http",
        "REST_PORT|-1",
        "REST_PORT|65536",
        "JWT_LEEWAY|30",
        "JWT_LEEWAY|-5s",
        "LOG_LEVEL|verbose",
        "GRPC_TIMEOUT|0",
        "GRPC_TIMEOUT|10 seconds",
        "HTTP_TIMEOUT|-1m",
        "MAX_CONCURRENT_STREAMS|0",
        "MAX_CONCURRENT_STREAMS|lots",
        "KEEPALIVE_TIME|5",
        "KEEPALIVE_TIMEOUT|0s",
        "GRPC_MAX_RECV_MSG_MB|0",
        "GRPC_MAX_RECV_MSG_MB|2048",
        "CORS_ORIGINS|cueweb.example.com",
        "CORS_ORIGINS|https://cueweb.example.com/",
        "CORS_HEADERS|X Bad Header",
        "RATE_LIMIT_RPS|-1",
        "RATE_LIMIT_RPS|1.5",
        "FIELD_VALIDATION|Loose",
        "MAX_REQUEST_BYTES|16MB",
        "MAX_REQUEST_BYTES|0",
        "MAX_REQUEST_BYTES|-1",
        "MAX_REQUEST_BYTES|99999999999999999999",
        "SHUTDOWN_TIMEOUT|-1s",
        "HIDDEN_SERVICES|rqd.**",
        "HIDDEN_SERVICES|rqd/RqdInterface",
        "ADMIN_PORT|65536",
        "ADMIN_PORT|-1",
        "ADMIN_BIND|http://0.0.0.0",
        "ADMIN_BIND|0.0.0.0:8449",
        "LOG_FORMAT|logfmt",
        "OTEL_EXPORTER_OTLP_ENDPOINT|otel-collector:4318",
        "OTEL_EXPORTER_OTLP_ENDPOINT|grpc://otel-collector:4317",
        "DATABASE_URL|postgresql://db/cuegate",
        "WORKER_TASK_TYPES|blender",
        "WORKER_TASK_TYPES|blender=",
        "WORKER_TASK_TYPES|a=b=c",
        "WORKER_TASK_TYPES|shell=exec,Shell=other",
        "WORKER_SECRET_ITERATIONS|999",
        "WORKER_SECRET_ITERATIONS|many",
        "RQD_BRIDGE|yes",
        "RQD_PORT|65536",
        "RQD_HOST_NAME|render01.example.com",
        "RQD_HOST_NAME|a-host-name-far-longer-than-the-forty-five-characters-cuebot-keeps",
        "RQD_TAGS|general,bad tag",
        "RQD_REPORT_INTERVAL|0s",
        "RQD_WORKER_CORES|0",
        "RQD_WORKER_MEMORY_MB|-1",
        "COALESCE_READS|maybe",
        "READ_CACHE_TTL|-1s",
        "READ_CACHE_TTL|soon",
        "EVENTS_BUFFER|0",
        "EVENTS_MAX_PENDING|lots",
        "EVENTS_HEARTBEAT|0s",
        "EVENTS_POLL_INTERVAL|0s",
    })
    void badValueFailsNamingTheVariableAndTheValue(String variable, String value) {
      assertThatThrownBy(() -> load(variable, value))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith(variable + ": expected ")
          .hasMessageContaining(value.contains(",") ? "" : "'" + value + "'")
          .hasMessageNotContaining(STRONG_SECRET);
    }

    @Test
    void aCertificateWithoutAKeyIsRejected(@TempDir Path dir) throws IOException {
      Path cert = Files.writeString(dir.resolve("cert.pem"), "cert");

      assertThatThrownBy(() -> load("TLS_CERT_FILE", cert.toString()))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("TLS_KEY_FILE: ")
          .hasMessageContaining("TLS_CERT_FILE is set");
    }

    @Test
    void aKeyWithoutACertificateIsRejected(@TempDir Path dir) throws IOException {
      Path key = Files.writeString(dir.resolve("key.pem"), "key");

      assertThatThrownBy(() -> load("TLS_KEY_FILE", key.toString()))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("TLS_CERT_FILE: ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
      "[1, 2]                                  | expected a JSON object",
      "{\"blender\": \"/usr/bin/blender\"}     | blender: expected an object of platform",
      "{\"blender\": {\"amiga\": \"x\"}}        | \"amiga\" is not linux, windows, darwin or all",
      "{\"blender\": {\"linux\": 3}}            | blender.linux: expected a string",
      "{\"a b\": {\"all\": \"x\"}}              | \"a b\" is not a variable name",
      "{\"blender\":                            | not JSON"
    })
    void aBadWorkerVariablesFileFailsNamingTheVariableAndTheProblem(String json, String problem,
        @TempDir Path dir) throws IOException {
      Path file = Files.writeString(dir.resolve("variables.json"), json);

      assertThatThrownBy(() -> load("WORKER_VARIABLES_FILE", file.toString()))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("WORKER_VARIABLES_FILE: " + file)
          .hasMessageContaining(problem);
    }

    @Test
    void aMissingWorkerVariablesFileIsRejected(@TempDir Path dir) {
      Path missing = dir.resolve("missing.json");

      assertThatThrownBy(() -> load("WORKER_VARIABLES_FILE", missing.toString()))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("WORKER_VARIABLES_FILE: " + missing)
          .hasMessageContaining("cannot read it");
    }

    @Test
    void missingTlsFilesAreRejected(@TempDir Path dir) throws IOException {
      Path cert = Files.writeString(dir.resolve("cert.pem"), "cert");
      Path missingKey = dir.resolve("missing.pem");

      assertThatThrownBy(() ->
              load("TLS_CERT_FILE", cert.toString(), "TLS_KEY_FILE", missingKey.toString()))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("TLS_KEY_FILE: expected a readable file")
          .hasMessageContaining(missingKey.toString());
    }
  }

  @Nested
  class Secret {

    @Test
    void inlineSecretIsUsedVerbatim() {
      GatewayConfig config = load("JWT_SECRET", " spaced secret ");

      assertThat(config.auth().secret())
          .isEqualTo(" spaced secret ".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void secretFileIsReadAndItsTrailingNewlineTrimmed(@TempDir Path dir) throws IOException {
      Path file = Files.writeString(dir.resolve("secret"), STRONG_SECRET + "\r\n");

      GatewayConfig config = loadWithSecretFile(file);

      assertThat(config.auth().secret()).isEqualTo(STRONG_SECRET.getBytes(StandardCharsets.UTF_8));
      assertThat(config.auth().secretFile()).contains(file);
    }

    @Test
    void secretFileKeepsInnerNewlinesAndSpaces(@TempDir Path dir) throws IOException {
      Path file = Files.writeString(dir.resolve("secret"), "two\nlines \n\n");

      assertThat(loadWithSecretFile(file).auth().secret())
          .isEqualTo("two\nlines ".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void missingSecretFileIsRejected(@TempDir Path dir) {
      Path file = dir.resolve("nope");

      assertThatThrownBy(() -> loadWithSecretFile(file))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("JWT_SECRET_FILE: ")
          .hasMessageContaining("does not exist");
    }

    @Test
    void unreadableSecretFileIsRejected(@TempDir Path dir) {
      assertThatThrownBy(() -> loadWithSecretFile(dir))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("JWT_SECRET_FILE: ")
          .hasMessageContaining("cannot be read");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "\r\n\n"})
    void emptySecretFileIsRejected(String content, @TempDir Path dir) throws IOException {
      Path file = Files.writeString(dir.resolve("secret"), content);

      assertThatThrownBy(() -> loadWithSecretFile(file))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("JWT_SECRET_FILE: ")
          .hasMessageContaining("empty");
    }

    @Test
    void bothSecretSourcesAtOnceAreRejectedWithoutEchoingTheSecret(@TempDir Path dir)
        throws IOException {
      Path file = Files.writeString(dir.resolve("secret"), "from-file");

      assertThatThrownBy(() -> load("JWT_SECRET_FILE", file.toString()))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("JWT_SECRET: ")
          .hasMessageContaining("JWT_SECRET_FILE")
          .hasMessageNotContaining(STRONG_SECRET)
          .hasMessageNotContaining("from-file");
    }

    @Test
    void startIsRefusedWithoutASecretAndTheMessageSaysHowToSetOne() {
      Map<String, String> env = env();
      env.remove("JWT_SECRET");

      assertThatThrownBy(() -> EnvConfigLoader.load(env))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("JWT_SECRET: ")
          .hasMessageContaining("refusing to start")
          .hasMessageContaining("JWT_SECRET_FILE")
          .hasMessageContaining("openssl rand");
    }

    @Test
    void blankSecretCountsAsNoSecret() {
      assertThatThrownBy(() -> load("JWT_SECRET", "   "))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("no secret configured");
    }

    @Test
    void aStrongSecretCausesNoWarning() {
      assertThat(EnvConfigLoader.load(env()).warnings()).isEmpty();
    }

    @Test
    void aShortSecretIsWarnedAbout() {
      List<String> warnings = EnvConfigLoader.load(env("JWT_SECRET", "k3$Lm9!qz")).warnings();

      assertThat(warnings).singleElement().asString()
          .contains("only 9 bytes")
          .doesNotContain("k3$Lm9!qz");
    }

    @ParameterizedTest
    @ValueSource(strings = {"default-secret-key", "dev-secret-key-change-in-production",
        "production-secret-key", "secret", "changeme", "your-secret-key"})
    void aWellKnownSecretIsWarnedAbout(String secret) {
      List<String> warnings = EnvConfigLoader.load(env("JWT_SECRET", secret)).warnings();

      // The same text for every such secret, so the warning cannot be echoing the value.
      assertThat(warnings.get(0))
          .contains("well-known")
          .isEqualTo(EnvConfigLoader.load(env("JWT_SECRET", "changeme")).warnings().get(0));
    }

    @Test
    void aWellKnownSecretReadFromAFileIsWarnedAbout(@TempDir Path dir) throws IOException {
      Path file = Files.writeString(dir.resolve("secret"), "default-secret-key\n");
      Map<String, String> env = env("JWT_SECRET_FILE", file.toString());
      env.remove("JWT_SECRET");

      assertThat(EnvConfigLoader.load(env).warnings())
          .anySatisfy(w -> assertThat(w).contains("well-known"));
    }

    private GatewayConfig loadWithSecretFile(Path file) {
      Map<String, String> env = env("JWT_SECRET_FILE", file.toString());
      env.remove("JWT_SECRET");
      return EnvConfigLoader.load(env).config();
    }
  }
}
