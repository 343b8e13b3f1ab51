package dev.cuegate.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The effective configuration as {@code GET /config} shows it: keyed by environment variable, in
 * the syntax those variables accept, with the secret redacted.
 */
public final class ConfigView {

  /** Shown instead of the secret; the secret's length is not shown either. */
  public static final String REDACTED = "[redacted]";

  private static final Pattern PASSWORD =
      Pattern.compile("((?i:password)=)[^&;]*");

  private ConfigView() {}

  /**
   * Renders every variable in declaration order. Values are strings, numbers, or null for an
   * optional setting that is not set.
   */
  public static Map<String, Object> of(GatewayConfig config) {
    Map<String, Object> view = new LinkedHashMap<>();
    for (Variable variable : Variable.values()) {
      view.put(variable.name(), value(variable, config));
    }
    view.put("BACKEND", config.mode() == Mode.EMBEDDED_FARM
        ? "embedded farm: CueGate serves OpenCue's API itself, no Cuebot"
        : "cuebot");
    return Collections.unmodifiableMap(view);
  }

  private static Object value(Variable variable, GatewayConfig config) {
    GatewayConfig.Http http = config.http();
    GatewayConfig.Auth auth = config.auth();
    GatewayConfig.Upstream upstream = config.upstream();
    GatewayConfig.Security security = config.security();
    GatewayConfig.Shaman shaman = config.shaman();
    return switch (variable) {
      case CUEBOT_ENDPOINT -> config.farm().enabled()
          ? EnvConfigLoader.EMBEDDED
          : String.join(",", upstream.endpoints());
      case REST_PORT -> http.port();
      case JWT_SECRET -> REDACTED;
      case JWT_SECRET_FILE -> path(auth.secretFile());
      case JWT_LEEWAY -> GoDuration.format(auth.leeway());
      case JWT_ISSUER -> auth.issuer().orElse(null);
      case JWT_AUDIENCE -> auth.audience().orElse(null);
      case LOG_LEVEL -> config.logging().level();
      case LOG_DIR -> config.logging().dir().toString();
      case GRPC_TIMEOUT -> GoDuration.format(upstream.timeout());
      case HTTP_TIMEOUT -> GoDuration.format(http.requestTimeout());
      case MAX_CONCURRENT_STREAMS -> upstream.maxConcurrentStreams();
      case KEEPALIVE_TIME -> GoDuration.format(upstream.keepaliveTime());
      case KEEPALIVE_TIMEOUT -> GoDuration.format(upstream.keepaliveTimeout());
      case GRPC_MAX_RECV_MSG_MB -> upstream.maxInboundMessageBytes() >> 20;
      case TLS_CERT_FILE -> path(http.tlsCertFile());
      case TLS_KEY_FILE -> path(http.tlsKeyFile());
      case CORS_ORIGINS -> String.join(",", security.cors().origins());
      case CORS_HEADERS -> String.join(",", security.cors().headers());
      case RATE_LIMIT_RPS -> security.rateLimit().rps();
      case FIELD_VALIDATION -> titleCase(config.fieldValidation().name());
      case MAX_REQUEST_BYTES -> http.maxRequestBytes();
      case SHUTDOWN_TIMEOUT -> GoDuration.format(http.shutdownGrace());
      case HIDDEN_SERVICES -> hidden(upstream.hiddenServices());
      case DATA_DIR -> config.dataDir().toString();
      case ADMIN_PORT -> config.operations().adminEnabled() ? config.operations().adminPort() : 0;
      case ADMIN_BIND -> config.operations().adminBind().orElse(null);
      case LOG_FORMAT -> config.logging().format().name().toLowerCase(Locale.ROOT);
      case OTEL_EXPORTER_OTLP_ENDPOINT -> config.operations().otlpEndpoint().orElse(null);
      case CORS_METHODS -> String.join(",", security.cors().methods());
      case CORS_MAX_AGE -> GoDuration.format(security.cors().maxAge());
      case CORS_ALLOW_CREDENTIALS -> security.cors().allowCredentials();
      case RATE_LIMIT_BURST -> security.rateLimit().burst();
      case MAX_HEADER_BYTES -> security.limits().maxHeaderBytes();
      case IDLE_TIMEOUT -> GoDuration.format(security.limits().idleTimeout());
      case MAX_IN_FLIGHT -> security.limits().maxInFlight();
      case CUEBOT_TLS -> upstream.tls().enabled();
      case CUEBOT_CA_FILE -> path(upstream.tls().caFile());
      case AUTHZ_POLICY_FILE -> path(security.authzPolicyFile());
      case DATABASE_URL -> redactPassword(config.farm().databaseUrl());
      case FRAME_LOG_ROOT -> config.farm().frameLogRoot().toString();
      case WORKER_REGISTRATION_SECRET ->
          config.workers().registrationSecret().isPresent() ? REDACTED : null;
      case WORKER_TASK_TYPES -> config.workers().taskTypes().isEmpty()
          ? null
          : config.workers().taskTypes().entrySet().stream()
              .map(entry -> entry.getKey() + "=" + entry.getValue())
              .sorted()
              .collect(Collectors.joining(","));
      case WORKER_SECRET_ITERATIONS -> config.workers().secretIterations();
      case WORKER_VARIABLES_FILE -> path(config.workers().variablesFile());
      case RQD_BRIDGE -> config.bridge().enabled();
      case RQD_PORT -> config.bridge().port();
      case RQD_HOST_NAME -> config.bridge().hostName();
      case RQD_FACILITY -> config.bridge().facility();
      case RQD_TAGS -> String.join(",", config.bridge().tags());
      case RQD_OS -> config.bridge().os();
      case RQD_REPORT_INTERVAL -> GoDuration.format(config.bridge().reportInterval());
      case RQD_WORKER_CORES -> config.bridge().workerCores();
      case RQD_WORKER_MEMORY_MB -> config.bridge().workerMemoryMb();
      case SHAMAN_ENABLED -> shaman.enabled();
      case SHAMAN_STORE_PATH -> shaman.storePath().toString();
      case SHAMAN_CHECKOUT_PATH -> shaman.checkoutPath().toString();
      case SHAMAN_EXTRA_CHECKOUT_ROOTS ->
          shaman.extraCheckoutRoots().stream().map(Path::toString).collect(Collectors.joining(","));
      case SHAMAN_GC_PERIOD -> GoDuration.format(shaman.gcPeriod());
      case SHAMAN_GC_MAX_AGE -> GoDuration.format(shaman.gcMaxAge());
      case SHAMAN_MAX_UPLOAD_BYTES -> shaman.maxUploadBytes();
      case SHAMAN_ES256_PUBLIC_KEYS_FILE -> path(shaman.es256PublicKeysFile());
      case RQD_FRAME_TAKE_TIMEOUT -> GoDuration.format(config.bridge().frameTakeTimeout());
      case COALESCE_READS -> config.reads().coalesce();
      case READ_CACHE_TTL -> GoDuration.format(config.reads().cacheTtl());
      case EVENTS_BUFFER -> config.events().buffer();
      case EVENTS_MAX_PENDING -> config.events().maxPending();
      case EVENTS_HEARTBEAT -> GoDuration.format(config.events().heartbeat());
      case EVENTS_POLL_INTERVAL -> GoDuration.format(config.events().pollInterval());
      case WEBHOOKS_FILE -> path(config.events().webhooksFile());
    };
  }

  /** A JDBC URL may carry a password as a parameter ({@code password=...}): hidden. */
  private static String redactPassword(String url) {
    return PASSWORD.matcher(url).replaceAll("$1" + REDACTED);
  }

  private static String path(Optional<Path> path) {
    return path.map(Path::toString).orElse(null);
  }

  private static String hidden(List<String> patterns) {
    return patterns.isEmpty() ? EnvConfigLoader.NO_HIDDEN_SERVICES : String.join(",", patterns);
  }

  private static String titleCase(String name) {
    return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
  }
}
