package dev.cuegate.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link GatewayConfig} from environment variables named as in OpenCue's Go gateway,
 * failing on the first bad value with a message that names the variable.
 */
public final class EnvConfigLoader {

  private static final Pattern HOST_PORT =
      Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?):(\\d{1,5})");
  /** Browsers send {@code Origin} without a path or trailing slash, so such entries never match. */
  private static final Pattern CORS_ORIGIN =
      Pattern.compile("\\*|https?://(\\*\\.)?[A-Za-z0-9.-]+(:\\d{1,5})?", Pattern.CASE_INSENSITIVE);
  private static final Pattern HTTP_METHOD =
      Pattern.compile("GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|TRACE", Pattern.CASE_INSENSITIVE);
  private static final Pattern HEADER_NAME = Pattern.compile("\\*|[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern SERVICE_PATTERN =
      Pattern.compile("\\*|[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*(\\.\\*)?");
  /** Lets an operator expose every service, since a blank value means "use the default". */
  static final String NO_HIDDEN_SERVICES = "none";
  /** A host name, an IPv4 address, or an IPv6 address without brackets (and without a port). */
  private static final Pattern BIND_ADDRESS =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?"
          + "|[0-9A-Fa-f]*:[0-9A-Fa-f:]*(:\\d{1,3}(\\.\\d{1,3}){3})?");
  private static final Pattern OTLP_ENDPOINT =
      Pattern.compile("https?://[^\\s/?#]+(/\\S*)?", Pattern.CASE_INSENSITIVE);
  /** The value of CUEBOT_ENDPOINT that asks for the embedded farm explicitly. */
  static final String EMBEDDED = "embedded";
  /** The embedded farm's SQLite file under DATA_DIR when DATABASE_URL is unset. */
  static final String DATABASE_FILE = "farm.db";
  private static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error");
  private static final int MAX_RECV_MSG_MB = 2047;
  /** Cuebot dials a host by its name with any domain cut off, and stores at most 45 characters. */
  private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_-]{1,45}");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final Pattern TASK_TYPE =
      Pattern.compile("(\\*|[A-Za-z0-9_.-]+)=([A-Za-z0-9_.-]+)");
  /** Far below what a secret deserves; it exists so tests can register many workers fast. */
  private static final int MIN_SECRET_ITERATIONS = 1000;

  private EnvConfigLoader() {}

  /**
   * Reads and validates every setting.
   *
   * @param env the environment, usually {@code System.getenv()}
   * @throws ConfigException naming the first variable whose value cannot be used
   */
  public static LoadedConfig load(Map<String, String> env) {
    EnvReader read = new EnvReader(env);
    SecretLoader.Secret secret = SecretLoader.load(read);
    Path dataDir = read.path(Variable.DATA_DIR);
    GatewayConfig config = new GatewayConfig(
        http(read),
        new GatewayConfig.Auth(
            secret.bytes(),
            secret.file(),
            read.duration(Variable.JWT_LEEWAY, true),
            read.optional(Variable.JWT_ISSUER),
            read.optional(Variable.JWT_AUDIENCE)),
        upstream(read),
        new GatewayConfig.Logging(logLevel(read), read.path(Variable.LOG_DIR), logFormat(read)),
        fieldValidation(read),
        dataDir,
        shaman(read, dataDir),
        operations(read),
        security(read),
        farm(read, dataDir),
        workers(read),
        bridge(read),
        new GatewayConfig.Reads(
            read.bool(Variable.COALESCE_READS), read.duration(Variable.READ_CACHE_TTL, true)),
        new GatewayConfig.Events(
            read.integer(Variable.EVENTS_BUFFER, 1, 10_000_000),
            read.integer(Variable.EVENTS_MAX_PENDING, 1, 1_000_000),
            read.duration(Variable.EVENTS_HEARTBEAT, false),
            read.duration(Variable.EVENTS_POLL_INTERVAL, false),
            webhooksFile(read)));
    return new LoadedConfig(config, SecretLoader.warnings(secret.bytes()));
  }

  /** The JWT secret alone, from {@code JWT_SECRET} or {@code JWT_SECRET_FILE} (for the CLI). */
  public static byte[] secret(Map<String, String> env) {
    return SecretLoader.load(new EnvReader(env)).bytes();
  }

  /** The Shaman settings alone, with {@code DATA_DIR} for their defaults (for the CLI). */
  public static GatewayConfig.Shaman shaman(Map<String, String> env) {
    EnvReader read = new EnvReader(env);
    return shaman(read, read.path(Variable.DATA_DIR));
  }

  /** The file {@code WEBHOOKS_FILE} names, validated as {@link #load} does (for the CLI). */
  public static Optional<Path> webhooksFile(Map<String, String> env) {
    return webhooksFile(new EnvReader(env));
  }

  private static Optional<Path> webhooksFile(EnvReader read) {
    Optional<Path> file = read.optionalPath(Variable.WEBHOOKS_FILE);
    file.ifPresent(path -> requireFile(Variable.WEBHOOKS_FILE, path));
    return file;
  }

  /** The services {@code HIDDEN_SERVICES} hides, validated as {@link #load} does. */
  public static List<String> hiddenServices(Map<String, String> env) {
    return hiddenServices(new EnvReader(env));
  }

  private static GatewayConfig.Http http(EnvReader read) {
    Optional<Path> cert = read.optionalPath(Variable.TLS_CERT_FILE);
    Optional<Path> key = read.optionalPath(Variable.TLS_KEY_FILE);
    if (cert.isPresent() != key.isPresent()) {
      Variable missing = cert.isPresent() ? Variable.TLS_KEY_FILE : Variable.TLS_CERT_FILE;
      Variable given = cert.isPresent() ? Variable.TLS_CERT_FILE : Variable.TLS_KEY_FILE;
      throw new ConfigException(missing.name(),
          "expected a file path because " + given.name() + " is set, got nothing");
    }
    cert.ifPresent(path -> requireFile(Variable.TLS_CERT_FILE, path));
    key.ifPresent(path -> requireFile(Variable.TLS_KEY_FILE, path));
    return new GatewayConfig.Http(
        read.integer(Variable.REST_PORT, 0, 65535),
        read.duration(Variable.HTTP_TIMEOUT, false),
        maxRequestBytes(read),
        read.duration(Variable.SHUTDOWN_TIMEOUT, true),
        cert,
        key);
  }

  private static GatewayConfig.Security security(EnvReader read) {
    return new GatewayConfig.Security(
        cors(read),
        rateLimit(read),
        new GatewayConfig.Limits(
            byteSize(read, Variable.MAX_HEADER_BYTES, 1, Integer.MAX_VALUE),
            read.duration(Variable.IDLE_TIMEOUT, true),
            read.integer(Variable.MAX_IN_FLIGHT, 1, Integer.MAX_VALUE)),
        read.optionalPath(Variable.AUTHZ_POLICY_FILE));
  }

  private static GatewayConfig.Cors cors(EnvReader read) {
    List<String> origins = matching(read, Variable.CORS_ORIGINS, CORS_ORIGIN,
        "'*' or origins such as https://cueweb.example.com (scheme, host, optional port;"
            + " no path or trailing slash)");
    List<String> methods = matching(read, Variable.CORS_METHODS, HTTP_METHOD,
        "HTTP methods such as POST, GET, OPTIONS").stream()
        .map(method -> method.toUpperCase(Locale.ROOT))
        .toList();
    boolean credentials = read.bool(Variable.CORS_ALLOW_CREDENTIALS);
    if (credentials && origins.contains("*")) {
      throw new ConfigException(Variable.CORS_ALLOW_CREDENTIALS.name(),
          "expected CORS_ORIGINS to list origins when credentials are allowed, got '*' (browsers"
              + " refuse credentialed answers to any origin, and it would let every site act for"
              + " a signed-in user)");
    }
    return new GatewayConfig.Cors(
        origins,
        matching(read, Variable.CORS_HEADERS, HEADER_NAME, "'*' or HTTP header names"),
        methods,
        read.duration(Variable.CORS_MAX_AGE, true),
        credentials);
  }

  private static GatewayConfig.RateLimit rateLimit(EnvReader read) {
    int rps = read.integer(Variable.RATE_LIMIT_RPS, 0, Integer.MAX_VALUE);
    int burst = read.optional(Variable.RATE_LIMIT_BURST).isPresent()
        ? read.integer(Variable.RATE_LIMIT_BURST, 1, Integer.MAX_VALUE)
        : Math.max(rps, 1);
    return new GatewayConfig.RateLimit(rps, burst);
  }

  private static GatewayConfig.UpstreamTls upstreamTls(EnvReader read) {
    boolean enabled = read.bool(Variable.CUEBOT_TLS);
    Optional<Path> ca = read.optionalPath(Variable.CUEBOT_CA_FILE);
    if (ca.isPresent() && !enabled) {
      throw new ConfigException(Variable.CUEBOT_CA_FILE.name(),
          "expected CUEBOT_TLS=true when a CA file is given, got CUEBOT_TLS=false");
    }
    ca.ifPresent(path -> requireFile(Variable.CUEBOT_CA_FILE, path));
    return new GatewayConfig.UpstreamTls(enabled, ca);
  }

  private static GatewayConfig.Upstream upstream(EnvReader read) {
    return new GatewayConfig.Upstream(
        endpoints(read),
        read.duration(Variable.GRPC_TIMEOUT, false),
        read.duration(Variable.KEEPALIVE_TIME, false),
        read.duration(Variable.KEEPALIVE_TIMEOUT, false),
        read.integer(Variable.MAX_CONCURRENT_STREAMS, 1, Integer.MAX_VALUE),
        read.integer(Variable.GRPC_MAX_RECV_MSG_MB, 1, MAX_RECV_MSG_MB) << 20,
        hiddenServices(read),
        upstreamTls(read));
  }

  private static List<String> endpoints(EnvReader read) {
    if (embedded(read)) {
      return List.of();
    }
    String expected = "'" + EMBEDDED + "' or a comma-separated list of host:port with ports"
        + " from 1 to 65535";
    List<String> endpoints = read.list(Variable.CUEBOT_ENDPOINT);
    for (String endpoint : endpoints) {
      Matcher matcher = HOST_PORT.matcher(endpoint);
      if (!matcher.matches()
          || Integer.parseInt(matcher.group(2)) < 1
          || Integer.parseInt(matcher.group(2)) > 65535) {
        throw EnvReader.invalid(Variable.CUEBOT_ENDPOINT, expected, endpoint);
      }
    }
    return endpoints;
  }

  /** Unset, or set to {@value #EMBEDDED}: no Cuebot, the embedded farm serves the API. */
  private static boolean embedded(EnvReader read) {
    return read.optional(Variable.CUEBOT_ENDPOINT)
        .map(value -> value.equalsIgnoreCase(EMBEDDED))
        .orElse(true);
  }

  private static GatewayConfig.Farm farm(EnvReader read, Path dataDir) {
    String url = read.optional(Variable.DATABASE_URL)
        .orElseGet(() -> "jdbc:sqlite:" + dataDir.resolve(DATABASE_FILE));
    if (!url.startsWith("jdbc:") || url.length() <= "jdbc:".length()) {
      throw EnvReader.invalid(Variable.DATABASE_URL,
          "a JDBC URL such as jdbc:sqlite:/var/lib/cuegate/farm.db", url);
    }
    Path frameLogRoot = read.optionalPath(Variable.FRAME_LOG_ROOT)
        .orElseGet(() -> dataDir.resolve("frame-logs"));
    return new GatewayConfig.Farm(embedded(read), url, frameLogRoot.toAbsolutePath().normalize());
  }

  private static GatewayConfig.Workers workers(EnvReader read) {
    Optional<byte[]> secret = read.verbatim(Variable.WORKER_REGISTRATION_SECRET)
        .map(text -> text.getBytes(StandardCharsets.UTF_8));
    Map<String, String> taskTypes = new LinkedHashMap<>();
    if (read.optional(Variable.WORKER_TASK_TYPES).isPresent()) {
      for (String entry : read.list(Variable.WORKER_TASK_TYPES)) {
        Matcher matcher = TASK_TYPE.matcher(entry);
        boolean valid = matcher.matches()
            && !taskTypes.containsKey(matcher.group(1).toLowerCase(Locale.ROOT));
        if (!valid) {
          throw EnvReader.invalid(Variable.WORKER_TASK_TYPES,
              "comma-separated service=task-type entries, each name once, '*' for any other"
                  + " (e.g. blender=blender-render,*=exec)", entry);
        }
        taskTypes.put(matcher.group(1).toLowerCase(Locale.ROOT), matcher.group(2));
      }
    }
    Optional<Path> variablesFile = read.optionalPath(Variable.WORKER_VARIABLES_FILE);
    return new GatewayConfig.Workers(secret, taskTypes,
        read.integer(Variable.WORKER_SECRET_ITERATIONS, MIN_SECRET_ITERATIONS, Integer.MAX_VALUE),
        variablesFile, variablesFile.map(WorkerVariablesFile::read).orElse(Map.of()));
  }

  private static GatewayConfig.Shaman shaman(EnvReader read, Path dataDir) {
    Path defaults = dataDir.resolve("shaman");
    return new GatewayConfig.Shaman(
        read.bool(Variable.SHAMAN_ENABLED),
        read.optionalPath(Variable.SHAMAN_STORE_PATH).orElse(defaults.resolve("file-store")),
        read.optionalPath(Variable.SHAMAN_CHECKOUT_PATH).orElse(defaults.resolve("checkout")),
        read.paths(Variable.SHAMAN_EXTRA_CHECKOUT_ROOTS),
        read.duration(Variable.SHAMAN_GC_PERIOD, true),
        read.duration(Variable.SHAMAN_GC_MAX_AGE, true),
        byteSize(read, Variable.SHAMAN_MAX_UPLOAD_BYTES, 0, Long.MAX_VALUE),
        read.optionalPath(Variable.SHAMAN_ES256_PUBLIC_KEYS_FILE));
  }

  private static GatewayConfig.Bridge bridge(EnvReader read) {
    boolean enabled = read.bool(Variable.RQD_BRIDGE);
    if (enabled && embedded(read)) {
      throw EnvReader.invalid(Variable.RQD_BRIDGE,
          "false without CUEBOT_ENDPOINT (the bridge hands a Cuebot's frames to workers; set"
              + " CUEBOT_ENDPOINT to that Cuebot)", read.text(Variable.RQD_BRIDGE));
    }
    String hostName = read.optional(Variable.RQD_HOST_NAME).orElseGet(EnvConfigLoader::hostName);
    if (!HOST_NAME.matcher(hostName).matches()) {
      throw EnvReader.invalid(Variable.RQD_HOST_NAME,
          "a host name without dots of at most 45 letters, digits, '-' or '_' (Cuebot strips"
              + " any domain before it dials the host)", hostName);
    }
    List<String> tags = read.list(Variable.RQD_TAGS);
    for (String tag : tags) {
      if (!TAG.matcher(tag).matches()) {
        throw EnvReader.invalid(Variable.RQD_TAGS,
            "comma-separated tags of letters, digits, '-', '_' or '.'", tag);
      }
    }
    return new GatewayConfig.Bridge(
        enabled,
        read.integer(Variable.RQD_PORT, 0, 65535),
        hostName,
        read.text(Variable.RQD_FACILITY),
        tags,
        read.text(Variable.RQD_OS),
        read.duration(Variable.RQD_REPORT_INTERVAL, false),
        read.integer(Variable.RQD_WORKER_CORES, 1, 1024),
        read.integer(Variable.RQD_WORKER_MEMORY_MB, 1, Integer.MAX_VALUE),
        read.duration(Variable.RQD_FRAME_TAKE_TIMEOUT, false));
  }

  /** This machine's name with any domain stripped, as Cuebot would strip it. */
  private static String hostName() {
    String name;
    try {
      name = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      name = "localhost";
    }
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static List<String> hiddenServices(EnvReader read) {
    if (read.text(Variable.HIDDEN_SERVICES).equalsIgnoreCase(NO_HIDDEN_SERVICES)) {
      return List.of();
    }
    return matching(read, Variable.HIDDEN_SERVICES, SERVICE_PATTERN,
        "'none' or service patterns such as rqd.* or report.RqdReportInterface");
  }

  private static List<String> matching(
      EnvReader read, Variable variable, Pattern pattern, String expected) {
    List<String> items = read.list(variable);
    for (String item : items) {
      if (!pattern.matcher(item).matches()) {
        throw EnvReader.invalid(variable, expected, item);
      }
    }
    return items;
  }

  private static long maxRequestBytes(EnvReader read) {
    return byteSize(read, Variable.MAX_REQUEST_BYTES, 1, Long.MAX_VALUE);
  }

  private static long byteSize(EnvReader read, Variable variable, long min, long max) {
    String text = read.text(variable);
    String expected = (min > 0 ? "a positive" : "a non-negative")
        + " byte count such as 1048576, 512KiB, 16MiB or 1GiB"
        + (max < Long.MAX_VALUE ? ", at most " + max : "");
    long bytes;
    try {
      bytes = ByteSize.parse(text);
    } catch (IllegalArgumentException e) {
      throw EnvReader.invalid(variable, expected, text);
    }
    if (bytes < min || bytes > max) {
      throw EnvReader.invalid(variable, expected, text);
    }
    return bytes;
  }

  private static String logLevel(EnvReader read) {
    String text = read.text(Variable.LOG_LEVEL);
    String level = text.toLowerCase(Locale.ROOT);
    if (!LOG_LEVELS.contains(level)) {
      throw EnvReader.invalid(Variable.LOG_LEVEL, "one of trace, debug, info, warn, error", text);
    }
    return level;
  }

  private static LogFormat logFormat(EnvReader read) {
    String text = read.text(Variable.LOG_FORMAT);
    return LogFormat.parse(text).orElseThrow(() ->
        EnvReader.invalid(Variable.LOG_FORMAT, "one of text, json", text));
  }

  private static GatewayConfig.Operations operations(EnvReader read) {
    int adminPort = read.integer(Variable.ADMIN_PORT, 0, 65535);
    Optional<String> bind = read.optional(Variable.ADMIN_BIND);
    bind.ifPresent(address -> {
      if (!BIND_ADDRESS.matcher(address).matches()) {
        throw EnvReader.invalid(Variable.ADMIN_BIND,
            "an IP address or host name such as 127.0.0.1, ::1 or localhost", address);
      }
    });
    Optional<String> otlp = read.optional(Variable.OTEL_EXPORTER_OTLP_ENDPOINT);
    otlp.ifPresent(endpoint -> {
      if (!OTLP_ENDPOINT.matcher(endpoint).matches()) {
        throw EnvReader.invalid(Variable.OTEL_EXPORTER_OTLP_ENDPOINT,
            "an http:// or https:// URL such as http://otel-collector:4318", endpoint);
      }
    });
    return new GatewayConfig.Operations(adminPort != 0, bind, adminPort, otlp);
  }

  private static FieldValidation fieldValidation(EnvReader read) {
    String text = read.text(Variable.FIELD_VALIDATION);
    return FieldValidation.parse(text).orElseThrow(() ->
        EnvReader.invalid(Variable.FIELD_VALIDATION, "one of Strict, Warn, Ignore", text));
  }

  private static void requireFile(Variable variable, Path path) {
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw EnvReader.invalid(variable, "a readable file", path.toString());
    }
  }
}
