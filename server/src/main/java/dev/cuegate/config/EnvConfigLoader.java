package dev.cuegate.config;

import java.nio.file.Files;
import dev.cuegate.shaman.ShamanConfig;
import java.nio.file.Path;
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
  private static final Pattern HEADER_NAME = Pattern.compile("\\*|[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern SERVICE_PATTERN =
      Pattern.compile("\\*|[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*(\\.\\*)?");
  /** Lets an operator expose every service, since a blank value means "use the default". */
  static final String NO_HIDDEN_SERVICES = "none";
  /** The value of CUEBOT_ENDPOINT that asks for the embedded farm explicitly. */
  static final String EMBEDDED = "embedded";
  /** The embedded farm's SQLite file under DATA_DIR when DATABASE_URL is unset. */
  static final String DATABASE_FILE = "farm.db";
  private static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error");
  private static final int MAX_RECV_MSG_MB = 2047;

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
        new GatewayConfig.Logging(logLevel(read), read.path(Variable.LOG_DIR)),
        fieldValidation(read),
        dataDir,
        ShamanConfig.fromEnv(env, dataDir),
        farm(read, dataDir));
    return new LoadedConfig(config, SecretLoader.warnings(secret.bytes()));
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
        key,
        matching(read, Variable.CORS_ORIGINS, CORS_ORIGIN,
            "'*' or origins such as https://cueweb.example.com (scheme, host, optional port;"
                + " no path or trailing slash)"),
        matching(read, Variable.CORS_HEADERS, HEADER_NAME, "'*' or HTTP header names"),
        read.integer(Variable.RATE_LIMIT_RPS, 0, Integer.MAX_VALUE));
  }

  private static GatewayConfig.Upstream upstream(EnvReader read) {
    return new GatewayConfig.Upstream(
        endpoints(read),
        read.duration(Variable.GRPC_TIMEOUT, false),
        read.duration(Variable.KEEPALIVE_TIME, false),
        read.duration(Variable.KEEPALIVE_TIMEOUT, false),
        read.integer(Variable.MAX_CONCURRENT_STREAMS, 1, Integer.MAX_VALUE),
        read.integer(Variable.GRPC_MAX_RECV_MSG_MB, 1, MAX_RECV_MSG_MB) << 20,
        hiddenServices(read));
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
    return new GatewayConfig.Farm(embedded(read), url);
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
    String text = read.text(Variable.MAX_REQUEST_BYTES);
    String expected = "a positive byte count such as 1048576, 512KiB, 16MiB or 1GiB";
    long bytes;
    try {
      bytes = ByteSize.parse(text);
    } catch (IllegalArgumentException e) {
      throw EnvReader.invalid(Variable.MAX_REQUEST_BYTES, expected, text);
    }
    if (bytes < 1) {
      throw EnvReader.invalid(Variable.MAX_REQUEST_BYTES, expected, text);
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
