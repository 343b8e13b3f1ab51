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
    Operations operations) {

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

  /** Where Cuebot is and how the gRPC channel to it behaves. */
  public record Upstream(
      List<String> endpoints,
      Duration timeout,
      Duration keepaliveTime,
      Duration keepaliveTimeout,
      int maxConcurrentStreams,
      int maxInboundMessageBytes,
      List<String> hiddenServices) {}

  /** Log verbosity, where the log file goes, and whether lines are plain text or JSON. */
  public record Logging(String level, Path dir, LogFormat format) {}

  /**
   * The admin port (health, readiness, metrics) and where traces go.
   *
   * @param adminBind the address to listen on; empty means every interface
   * @param otlpEndpoint where spans are exported over OTLP; empty means spans are never exported
   */
  public record Operations(
      boolean adminEnabled, Optional<String> adminBind, int adminPort,
      Optional<String> otlpEndpoint) {}
}
