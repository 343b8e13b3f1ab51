package dev.cuegate.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
    Shaman shaman,
    Operations operations,
    Security security,
    Farm farm,
    Workers workers,
    Bridge bridge,
    Reads reads,
    Events events) {

  /** Which of the three exclusive ways to run this configuration asks for. */
  public Mode mode() {
    if (farm.enabled()) {
      return Mode.EMBEDDED_FARM;
    }
    return bridge.enabled() ? Mode.BRIDGE : Mode.GATEWAY;
  }

  /** The API port and the HTTP limits that protect it. */
  public record Http(
      int port,
      Duration requestTimeout,
      long maxRequestBytes,
      Duration shutdownGrace,
      Optional<Path> tlsCertFile,
      Optional<Path> tlsKeyFile) {}

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
      List<String> hiddenServices,
      UpstreamTls tls) {}

  /** TLS on the channel to Cuebot; without a CA file the system's trust store is used. */
  public record UpstreamTls(boolean enabled, Optional<Path> caFile) {}

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

  /**
   * Who may reach the API, how often and how much: CORS, rate and size limits, and the file of
   * the authorization policy (read where the server is wired).
   */
  public record Security(
      Cors cors, RateLimit rateLimit, Limits limits, Optional<Path> authzPolicyFile) {}

  /** Which browser origins may call the API, and what their preflight answers allow. */
  public record Cors(
      List<String> origins,
      List<String> headers,
      List<String> methods,
      Duration maxAge,
      boolean allowCredentials) {
    /** {@code *}: any origin. */
    public boolean anyOrigin() {
      return origins.contains("*");
    }

    /** {@code *}: any header the browser asks for. */
    public boolean anyHeader() {
      return headers.contains("*");
    }
  }

  /** Token buckets per caller: {@code rps} tokens a second, at most {@code burst} saved up. */
  public record RateLimit(int rps, int burst) {
    public boolean enabled() {
      return rps > 0;
    }
  }

  /** Connection and concurrency limits of the API port. */
  public record Limits(long maxHeaderBytes, Duration idleTimeout, int maxInFlight) {}

  /**
   * The embedded farm: enabled when no Cuebot is configured, with its database's JDBC URL.
   *
   * @param frameLogRoot under which the farm's jobs get their log directories
   */
  public record Farm(boolean enabled, String databaseUrl, Path frameLogRoot) {}

  /**
   * The HTTP workers of the embedded farm.
   *
   * @param registrationSecret when present, registering needs an HS256 JWT signed with it
   * @param taskTypes a layer's first service (or its type) in lower case → the task type workers
   *     see; the key {@code *} maps every other name; without an entry the name itself is used
   * @param secretIterations PBKDF2 iterations for new worker secrets
   * @param variablesFile the file {@code variables} were read from
   * @param variables placeholder name → platform ({@code linux}, {@code windows}, {@code darwin},
   *     or {@code all} for any other) → the value a worker of that platform gets
   */
  public record Workers(
      Optional<byte[]> registrationSecret, Map<String, String> taskTypes, int secretIterations,
      Optional<Path> variablesFile, Map<String, Map<String, String>> variables) {
    public Workers {
      taskTypes = Map.copyOf(taskTypes);
      variables = variables.entrySet().stream().collect(Collectors.toUnmodifiableMap(
          Map.Entry::getKey, entry -> Map.copyOf(entry.getValue())));
    }
  }

  /**
   * The OpenCue bridge: CueGate as one render host of a Cuebot, its frames run by HTTP workers.
   *
   * @param hostName the name Cuebot knows the host by and dials on {@code port}
   * @param workerCores the cores of a worker that declares none
   * @param workerMemoryMb the memory of a worker that declares none
   * @param frameTakeTimeout how long a launched frame may wait for a worker before it is handed
   *     back to Cuebot
   */
  public record Bridge(
      boolean enabled,
      int port,
      String hostName,
      String facility,
      List<String> tags,
      String os,
      Duration reportInterval,
      int workerCores,
      long workerMemoryMb,
      Duration frameTakeTimeout) {
    public Bridge {
      tags = List.copyOf(tags);
    }
  }

  /**
   * The Shaman file store (docs/SHAMAN.md).
   *
   * @param extraCheckoutRoots further folders whose symlinks keep blobs from garbage collection
   * @param gcPeriod how often garbage collection runs; zero disables it
   * @param gcMaxAge how long an unreferenced blob survives after its last use
   * @param es256PublicKeysFile PEM file of EC public keys whose ES256 tokens the store accepts too
   */
  public record Shaman(
      boolean enabled,
      Path storePath,
      Path checkoutPath,
      List<Path> extraCheckoutRoots,
      Duration gcPeriod,
      Duration gcMaxAge,
      long maxUploadBytes,
      Optional<Path> es256PublicKeysFile) {
    public Shaman {
      extraCheckoutRoots = List.copyOf(extraCheckoutRoots);
    }

    /** Every folder whose symlinks protect blobs: the checkout path first, then the extra roots. */
    public List<Path> checkoutRoots() {
      List<Path> roots = new ArrayList<>();
      roots.add(checkoutPath);
      roots.addAll(extraCheckoutRoots);
      return List.copyOf(roots);
    }
  }

  /**
   * How identical read-only calls are spared: shared while in flight, and cached for a while.
   *
   * @param cacheTtl zero: no cache
   */
  public record Reads(boolean coalesce, Duration cacheTtl) {
    public boolean cacheEnabled() {
      return !cacheTtl.isZero();
    }
  }

  /**
   * The live event stream.
   *
   * @param buffer how many recent events are kept for {@code Last-Event-ID} resumption
   * @param maxPending how many events may wait for one reader before it is disconnected
   * @param heartbeat how often an idle stream sends a comment
   * @param pollInterval how often a Cuebot is asked what changed, while someone listens
   */
  /**
   * The event stream and its webhooks.
   *
   * @param webhooksFile the JSON list of webhook endpoints, read where the server is wired
   */
  public record Events(
      int buffer, int maxPending, Duration heartbeat, Duration pollInterval,
      Optional<Path> webhooksFile) {}
}
