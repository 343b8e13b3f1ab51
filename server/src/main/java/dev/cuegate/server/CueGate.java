package dev.cuegate.server;

import com.linecorp.armeria.common.CommonPools;
import dev.cuegate.admin.AdminServer;
import dev.cuegate.admin.GatewayMetrics;
import dev.cuegate.auth.CachingTokenVerifier;
import dev.cuegate.auth.JwtVerifier;
import dev.cuegate.auth.PemPublicKeys;
import dev.cuegate.auth.TokenVerifier;
import dev.cuegate.bridge.RqdBridge;
import dev.cuegate.config.ConfigException;
import dev.cuegate.config.ConfigView;
import dev.cuegate.config.GatewayConfig;
import dev.cuegate.contract.MethodRegistry;
import dev.cuegate.events.CuebotWatcher;
import dev.cuegate.events.EventAccess;
import dev.cuegate.events.EventBus;
import dev.cuegate.events.EventStreamService;
import dev.cuegate.farm.EmbeddedFarm;
import dev.cuegate.openapi.ApiDocs;
import dev.cuegate.openapi.OpenApiSpec;
import dev.cuegate.shaman.ShamanService;
import dev.cuegate.tracing.Tracing;
import dev.cuegate.upstream.Backend;
import dev.cuegate.worker.WorkerProtocol;
import io.grpc.ClientInterceptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole service, wired by hand in this one place from the configuration: the object graph
 * reads top to bottom, with no container and no global state.
 */
public final class CueGate implements AutoCloseable {
  private final GatewayServer api;
  private final Optional<AdminServer> admin;
  private final Backend backend;
  private final Optional<EmbeddedFarm> farm;
  private final ShamanService shaman;
  private final Optional<WorkerProtocol> workers;
  private final Optional<RqdBridge> bridge;
  private final Optional<EmbeddedFarm> bridgeFrames;
  private final EventBus events;
  private final CuebotWatcher watcher;
  private final GatewayMetrics metrics;
  private final Tracing tracing;
  private final int registeredMethods;

  private CueGate(
      GatewayServer api,
      Optional<AdminServer> admin,
      Backend backend,
      Optional<EmbeddedFarm> farm,
      ShamanService shaman,
      Optional<WorkerProtocol> workers,
      Optional<RqdBridge> bridge,
      Optional<EmbeddedFarm> bridgeFrames,
      EventBus events,
      CuebotWatcher watcher,
      GatewayMetrics metrics,
      Tracing tracing,
      int registeredMethods) {
    this.api = api;
    this.admin = admin;
    this.backend = backend;
    this.farm = farm;
    this.shaman = shaman;
    this.workers = workers;
    this.bridge = bridge;
    this.bridgeFrames = bridgeFrames;
    this.events = events;
    this.watcher = watcher;
    this.metrics = metrics;
    this.tracing = tracing;
    this.registeredMethods = registeredMethods;
  }

  /** Starts every part of the service; returns once all ports are bound. */
  public static CueGate start(GatewayConfig config) {
    return start(config, Clock.systemUTC());
  }

  /** As {@link #start(GatewayConfig)}, with the clock that tokens are checked against. */
  public static CueGate start(GatewayConfig config, Clock clock) {
    createDataDir(config);
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    GatewayMetrics metrics = GatewayMetrics.create(meters);
    Tracing tracing = Tracing.start(config.operations());
    MethodRegistry registry = MethodRegistry.opencue(config.upstream().hiddenServices());
    Optional<EmbeddedFarm> farm =
        config.farm().enabled()
            ? Optional.of(EmbeddedFarm.open(config.farm().databaseUrl(), clock))
            : Optional.empty();
    // The bridge keeps Cuebot's frames in a farm database of its own, which the API never serves.
    Optional<EmbeddedFarm> bridgeFrames =
        config.bridge().enabled()
            ? Optional.of(EmbeddedFarm.open(
                config.farm().databaseUrl(), clock, RqdBridge.listener(clock)))
            : Optional.empty();
    // Tracing is listed last so that it sees the call first: the timed call carries its context.
    List<ClientInterceptor> interceptors =
        List.of(metrics.upstreamInterceptor(), tracing.clientInterceptor());
    // Armeria's shared worker loops serve HTTP; the upstream gets a connection on each of them, so
    // a request and its call to Cuebot stay on one thread.
    EventLoopGroup loops = CommonPools.workerGroup();
    Backend backend =
        farm.map(embedded -> Backend.embedded(embedded, config.upstream(), interceptors))
            .orElseGet(() -> Backend.cuebot(config.upstream(), loops, interceptors));
    metrics.watchUpstream(backend::state);
    TokenVerifier verifier =
        new CachingTokenVerifier(
            JwtVerifier.forConfig(config.auth(), clock), clock, config.auth().leeway());
    ShamanService shaman = shaman(config, verifier, meters, clock);
    // Workers take the embedded farm's frames, or in gateway mode those Cuebot launched on the
    // bridge; without either there is nothing for them.
    Optional<WorkerProtocol> workers = farm.or(() -> bridgeFrames).map(frames ->
        WorkerProtocol.create(frames, config.workers(), config.dataDir(), verifier, clock));
    EventBus events = new EventBus(config.events().buffer(), clock, meters);
    EventStreamService eventStream = new EventStreamService(events,
        new EventAccess(registry, config.security().authzPolicy()), config.events(), meters);
    ApiDocs docs =
        ApiDocs.generatedOnFirstRequest(
            () -> OpenApiSpec.generate(registry, OpenApiSpec.buildVersion()));
    GatewayServer api =
        GatewayServer.start(
            config,
            registry,
            Backend.sharingReads(backend, registry, config.reads(), meters, clock),
            verifier,
            ConfigView.of(config),
            loops,
            routes -> {
              shaman.mountOn(routes);
              workers.ifPresent(protocol -> protocol.mountOn(routes));
              docs.mountOn(routes);
            },
            Map.of("/events", eventStream),
            metrics,
            tracing,
            clock);
    // One poller for every reader of GET /events, on the backend itself: none of its calls repeat.
    CuebotWatcher watcher = new CuebotWatcher(backend, registry, events,
        config.events().pollInterval(), config.upstream().timeout(), clock, meters).start();
    Optional<AdminServer> admin =
        AdminServer.start(config.operations(), config.http().shutdownGrace(), meters, backend);
    shaman.start();
    workers.ifPresent(WorkerProtocol::start);
    // Last: Cuebot may launch frames as soon as it hears of the host, so workers must be served.
    Optional<RqdBridge> bridge = bridgeFrames.map(frames -> RqdBridge.start(
        config.bridge(), frames, Backend.cuebotChannel(config.upstream()), clock));
    return new CueGate(
        api, admin, backend, farm, shaman, workers, bridge, bridgeFrames, events, watcher, metrics,
        tracing,
        registry.methods().size());
  }

  private static ShamanService shaman(
      GatewayConfig config, TokenVerifier apiVerifier, MeterRegistry meters, Clock clock) {
    try {
      return ShamanService.create(
          config.shaman(), shamanVerifier(config, apiVerifier, clock), meters, clock);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "SHAMAN_STORE_PATH / SHAMAN_CHECKOUT_PATH: cannot prepare the Shaman store", e);
    }
  }

  /** The API's tokens, plus ES256 tokens from Flamenco-style issuers when keys are configured. */
  private static TokenVerifier shamanVerifier(
      GatewayConfig config, TokenVerifier apiVerifier, Clock clock) {
    Optional<Path> keysFile = config.shaman().es256PublicKeysFile();
    if (keysFile.isEmpty()) {
      return apiVerifier;
    }
    List<ECPublicKey> keys;
    try {
      keys = PemPublicKeys.readEc(keysFile.get());
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException(
          "SHAMAN_ES256_PUBLIC_KEYS_FILE", keysFile.get() + ": " + e.getMessage());
    }
    return new CachingTokenVerifier(
        JwtVerifier.forConfig(config.auth(), clock, keys), clock, config.auth().leeway());
  }

  private static void createDataDir(GatewayConfig config) {
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException("DATA_DIR: cannot create " + config.dataDir(), e);
    }
  }

  /** The bound API port. */
  public int apiPort() {
    return api.port();
  }

  /** The bound admin port, if the admin port is enabled. */
  public Optional<Integer> adminPort() {
    return admin.map(AdminServer::port);
  }

  /** The embedded farm, when no Cuebot is configured. */
  public Optional<EmbeddedFarm> farm() {
    return farm;
  }

  /** The OpenCue bridge, when {@code RQD_BRIDGE} is on. */
  public Optional<RqdBridge> bridge() {
    return bridge;
  }

  /** The worker protocol, served with the embedded farm or the bridge. */
  public Optional<WorkerProtocol> workers() {
    return workers;
  }

  /** The event stream's bus: what {@code GET /events} readers receive. */
  public EventBus events() {
    return events;
  }

  /** One line for the start-up log. */
  public String describe() {
    return "API on port "
        + api.port()
        + " serving "
        + registeredMethods
        + " methods, "
        + admin.map(server -> "admin on port " + server.port()).orElse("no admin port")
        + ", "
        + (farm.isPresent()
            ? "NO CUEBOT: the API is served by the "
                + backend.target()
                + "; set CUEBOT_ENDPOINT to use OpenCue's Cuebot"
            : "Cuebot at " + backend.target())
        + bridge.map(rqd -> ", OpenCue bridge: a render host of that Cuebot on RQD port "
                + rqd.port())
            .orElse("");
  }

  /** Graceful stop: in-flight calls finish within the configured grace period. */
  @Override
  public void close() {
    bridge.ifPresent(RqdBridge::close);
    watcher.close();
    api.close();
    admin.ifPresent(AdminServer::close);
    shaman.close();
    workers.ifPresent(WorkerProtocol::close);
    farm.ifPresent(EmbeddedFarm::close);
    bridgeFrames.ifPresent(EmbeddedFarm::close);
    tracing.close();
    metrics.close();
  }
}
