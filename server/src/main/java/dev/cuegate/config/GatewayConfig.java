package dev.cuegate.config;

import dev.cuegate.shaman.ShamanConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The service's whole configuration, read once at start-up and never changed afterwards.
 *
 * <p>Each concern owns a nested record so that a component receives only the part it needs.
 */
public record GatewayConfig(
    Http http,
    Auth auth,
    Upstream upstream,
    Logging logging,
    FieldValidation fieldValidation,
    Path dataDir,
    ShamanConfig shaman,
    Farm farm) {

  /** The API port and the HTTP limits that protect it. */
  public record Http(
      int port,
      Duration requestTimeout,
      long maxRequestBytes,
      Duration shutdownGrace,
      Optional<Path> tlsCertFile,
      Optional<Path> tlsKeyFile,
      List<String> corsOrigins,
      List<String> corsHeaders,
      int rateLimitRps) {}

  /** How bearer tokens are checked. The secret never leaves this record unredacted. */
  public record Auth(
      byte[] secret, Optional<Path> secretFile, Duration leeway, Optional<String> issuer,
      Optional<String> audience) {}

  /** Where Cuebot is (no endpoints: the embedded farm) and how the gRPC channel behaves. */
  public record Upstream(
      List<String> endpoints,
      Duration timeout,
      Duration keepaliveTime,
      Duration keepaliveTimeout,
      int maxConcurrentStreams,
      int maxInboundMessageBytes,
      List<String> hiddenServices) {}

  /**
   * The embedded farm: enabled when no Cuebot is configured, with its database's JDBC URL.
   */
  public record Farm(boolean enabled, String databaseUrl) {}

  /** Log verbosity and where the log file goes. */
  public record Logging(String level, Path dir) {}
}
