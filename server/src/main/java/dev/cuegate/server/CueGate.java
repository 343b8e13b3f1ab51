package dev.cuegate.server;

import com.linecorp.armeria.common.CommonPools;
import dev.cuegate.admin.AdminServer;
import dev.cuegate.admin.GatewayMetrics;
import dev.cuegate.auth.TokenVerifier;
import dev.cuegate.bridge.RqdBridge;
import dev.cuegate.config.ConfigView;
import dev.cuegate.config.GatewayConfig;
import dev.cuegate.config.Mode;
import dev.cuegate.contract.MethodRegistry;
import dev.cuegate.events.CuebotWatcher;
import dev.cuegate.events.EventAccess;
import dev.cuegate.events.EventBus;
import dev.cuegate.events.EventJournal;
import dev.cuegate.events.EventStreamService;
import dev.cuegate.farm.EmbeddedFarm;
import dev.cuegate.openapi.ApiDocs;
import dev.cuegate.openapi.OpenApiSpec;
import dev.cuegate.shaman.ShamanService;
import dev.cuegate.shutdown.BoundedSteps;
import dev.cuegate.tracing.Tracing;
import dev.cuegate.upstream.Backend;
import dev.cuegate.webhooks.WebhookEndpoint;
import dev.cuegate.webhooks.WebhookSettings;
import dev.cuegate.webhooks.Webhooks;
import dev.cuegate.worker.WorkerProtocol;
import io.grpc.ClientInterceptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole service, wired by hand in this one place from the configuration: the object graph
 * reads top to bottom, with no container and no global state.
 */
public final class CueGate implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CueGate.class);
  /**
   * The bound on each of the two closing stages after the API port stopped: what the process may
   * take beyond the drain (docs/OPERATIONS.md, "Shutdown").
   */
  private static final Duration CLOSE_STAGE_LIMIT = Duration.ofSeconds(1);

  private final GatewayServer api;
  private final Optional<AdminServer> admin;
  private final Backend backend;
  private final Mode mode;
  private final ModeParts parts;
  private final ShamanService shaman;
  private final EventBus events;
  private final EventStreamService eventStream;
  private final Optional<CuebotWatcher> watcher;
  private final Webhooks webhooks;
  private final GatewayMetrics metrics;
  private final Tracing tracing;
  private final int registeredMethods;

  private CueGate(
      GatewayServer api,
      Optional<AdminServer> admin,
      Backend backend,
      Mode mode,
      ModeParts parts,
      ShamanService shaman,
      EventBus events,
      EventStreamService eventStream,
      Optional<CuebotWatcher> watcher,
      Webhooks webhooks,
      GatewayMetrics metrics,
      Tracing tracing,
      int registeredMethods) {
    this.api = api;
    this.admin = admin;
    this.backend = backend;
    this.mode = mode;
    this.parts = parts;
    this.shaman = shaman;
    this.events = events;
    this.eventStream = eventStream;
    this.watcher = watcher;
    this.webhooks = webhooks;
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
    TokenVerifier verifier = Verifiers.api(config.auth(), clock);
    // First of what reads files the configuration names, so a bad policy stops start-up early.
    Guard guard = Guard.create(config.security(), verifier, metrics, clock);
    List<WebhookEndpoint> endpoints = WebhooksFile.read(config.events().webhooksFile());
    Tracing tracing = Tracing.start(config.operations());
    MethodRegistry registry = MethodRegistry.opencue(config.upstream().hiddenServices());
    Mode mode = config.mode();
    EventBus events = new EventBus(config.events().buffer(), clock, meters);
    EventJournal journal = new EventJournal(events, config.events().buffer(), clock);
    ModeParts parts = ModeParts.open(mode, config, clock, journal);
    // Before anyone subscribes: readers of the last run resume where they stopped, and the
    // webhooks take what a crash kept from them (docs/EVENTS.md, "Catching up after a crash").
    parts.farm().ifPresent(farm -> farm.transaction(tx -> {
      journal.restore(tx.transaction());
      return null;
    }));
    // Tracing is listed last so that it sees the call first: the timed call carries its context.
    List<ClientInterceptor> interceptors =
        List.of(metrics.upstreamInterceptor(), tracing.clientInterceptor());
    // Armeria's shared worker loops serve HTTP; the upstream gets a connection on each of them, so
    // a request and its call to Cuebot stay on one thread.
    EventLoopGroup loops = CommonPools.workerGroup();
    Backend backend = parts.backend(config.upstream(), loops, interceptors);
    metrics.watchUpstream(backend::state);
    ShamanService shaman = shaman(config, verifier, meters, clock);
    EventStreamService eventStream = new EventStreamService(events,
        new EventAccess(registry, guard.policy()), config.events(), meters);
    Webhooks webhooks = webhooks(config, endpoints, events, clock, meters);
    ApiDocs docs =
        ApiDocs.generatedOnFirstRequest(
            () -> OpenApiSpec.generate(registry, OpenApiSpec.buildVersion()));
    GatewayServer api =
        GatewayServer.start(
            config,
            registry,
            Backend.sharingReads(backend, registry, config.reads(), meters, clock),
            guard,
            ConfigView.of(config),
            loops,
            routes -> {
              // Shaman keeps its own guard: its clients send the token as a cookie too, and
              // expect Flamenco's plain-text answers (docs/ARCHITECTURE.md, "Guards").
              shaman.mountOn(routes);
              parts.mountOn(routes, guard.personRoutes());
              docs.mountOn(routes);
              // The stream authorizes each event by the read method it stands for, not the route.
              routes.service("/events", guard.protect(eventStream, ctx -> Optional.empty()));
            },
            metrics,
            tracing);
    Optional<AdminServer> admin =
        AdminServer.start(config.operations(), api::isDraining, meters, backend);
    shaman.start();
    parts.start();
    // The embedded farm's events come from its transactions (the journal); a Cuebot's from one
    // poller for every reader of GET /events, on the backend itself: none of its calls repeat.
    Optional<CuebotWatcher> watcher = parts.farm().isPresent() ? Optional.empty()
        : Optional.of(new CuebotWatcher(backend, registry, events,
            config.events().pollInterval(), config.upstream().timeout(), clock, meters).start());
    return new CueGate(
        api, admin, backend, mode, parts, shaman, events, eventStream, watcher, webhooks, metrics,
        tracing, registry.methods().size());
  }

  private static Webhooks webhooks(GatewayConfig config, List<WebhookEndpoint> endpoints,
      EventBus events, Clock clock, MeterRegistry meters) {
    try {
      return Webhooks.start(endpoints, events, config.dataDir().resolve("webhooks"),
          WebhookSettings.defaults(), clock, meters);
    } catch (IOException e) {
      throw new UncheckedIOException("DATA_DIR: cannot prepare the webhook queues", e);
    }
  }

  private static ShamanService shaman(
      GatewayConfig config, TokenVerifier apiVerifier, MeterRegistry meters, Clock clock) {
    try {
      return ShamanService.create(
          config.shaman(),
          Verifiers.shaman(config.auth(), config.shaman(), apiVerifier, clock),
          meters,
          clock);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "SHAMAN_STORE_PATH / SHAMAN_CHECKOUT_PATH: cannot prepare the Shaman store", e);
    }
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

  /** The way this instance runs. */
  public Mode mode() {
    return mode;
  }

  /** The embedded farm, when no Cuebot is configured. */
  public Optional<EmbeddedFarm> farm() {
    return parts.farm();
  }

  /** The OpenCue bridge, when {@code RQD_BRIDGE} is on. */
  public Optional<RqdBridge> bridge() {
    return parts.bridge();
  }

  /** The worker protocol, served with the embedded farm or the bridge. */
  public Optional<WorkerProtocol> workers() {
    return parts.workers();
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
        + (mode == Mode.EMBEDDED_FARM
            ? "NO CUEBOT: the API is served by the "
                + backend.target()
                + "; set CUEBOT_ENDPOINT to use OpenCue's Cuebot"
            : "Cuebot at " + backend.target())
        + parts.bridge().map(rqd -> ", OpenCue bridge: a render host of that Cuebot on RQD port "
                + rqd.port())
            .orElse("");
  }

  /**
   * Graceful stop, as docs/OPERATIONS.md ("Shutdown") describes it: readiness fails at once, the
   * API port drains for up to {@code SHUTDOWN_TIMEOUT} and answers every request it received,
   * then the other parts close side by side, each stage bounded.
   */
  @Override
  public void close() {
    long start = System.nanoTime();
    api.beginDrain();
    // Event streams never end by themselves; their readers resume elsewhere with Last-Event-ID.
    watcher.ifPresent(CuebotWatcher::close);
    eventStream.endStreams();
    api.close();
    // The bridge sends what it owes Cuebot (a completion stored during the drain) before its
    // channel closes; the workers' sweep stops before the database it reads closes.
    new BoundedSteps()
        .add("admin-port", () -> admin.ifPresent(AdminServer::close))
        .add("upstream", backend::close)
        .add("bridge", parts::stopIntake)
        .add("shaman", shaman::close)
        .run(CLOSE_STAGE_LIMIT);
    new BoundedSteps()
        .add("workers-and-farm", parts::close)
        .add("tracing", tracing::close)
        .run(CLOSE_STAGE_LIMIT);
    // Last of the event sources is closed: what they published is on disk for the next run.
    webhooks.close();
    metrics.close();
    log.info("shutdown complete in {} ms",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }
}
