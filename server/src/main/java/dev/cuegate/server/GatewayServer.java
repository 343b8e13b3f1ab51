package dev.cuegate.server;

import com.linecorp.armeria.common.TlsProvider;
import com.linecorp.armeria.common.util.BlockingTaskExecutor;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.encoding.EncodingService;
import dev.cuegate.admin.GatewayMetrics;
import dev.cuegate.config.ConfigException;
import dev.cuegate.config.GatewayConfig;
import dev.cuegate.contract.MethodRegistry;
import dev.cuegate.rest.AccessLogDecorator;
import dev.cuegate.rest.ApiService;
import dev.cuegate.rest.ConfigService;
import dev.cuegate.rest.JsonErrorHandler;
import dev.cuegate.rest.RequestBodyDecoding;
import dev.cuegate.rest.RequestOperation;
import dev.cuegate.shaman.ShamanService;
import dev.cuegate.shutdown.Drain;
import dev.cuegate.tracing.Tracing;
import dev.cuegate.transcode.Transcoder;
import dev.cuegate.upstream.Backend;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API port: the RPC routes, {@code /config} and the routes {@code moreRoutes} adds, wired
 * once from the configuration.
 */
public final class GatewayServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GatewayServer.class);
  /** Smaller answers gain too little from gzip to pay for the CPU and the framing. */
  private static final int MIN_GZIP_BYTES = 1024;
  /** How often the certificate files are checked for a change. */
  private static final Duration TLS_RELOAD_INTERVAL = Duration.ofSeconds(10);

  /**
   * How long no request must run before a drain ends early: long enough for a load balancer to
   * act on the failing readiness probe before new connections are refused.
   */
  private static final Duration DRAIN_QUIET_PERIOD = Duration.ofSeconds(1);
  /** How long the refusing step of a drain may take: 503s are small and written at once. */
  private static final Duration REFUSAL_LIMIT = Duration.ofSeconds(1);
  /** How long the server's stop may take to close the idle connections the drain left. */
  private static final Duration STOP_LIMIT = Duration.ofMillis(500);
  /** Armeria's default: a large answer holds a thread for as long as its client takes to read it. */
  private static final int BLOCKING_THREADS = 200;
  /**
   * Armeria's shared pool keeps an idle thread 60 s; after a burst of large answers that was 200
   * idle threads, their stacks (about 20 MB) and what they keep per thread (encoder buffers). Gone
   * after 2 s, they are gone before the idle memory release, which runs 5 s after the last work
   * (docs/PERFORMANCE.md, "Memory at idle").
   */
  private static final Duration BLOCKING_KEEP_ALIVE = Duration.ofSeconds(2);

  private final Server server;
  private final Drain drain;
  private final Duration shutdownGrace;

  private GatewayServer(Server server, Drain drain, Duration shutdownGrace) {
    this.server = server;
    this.drain = drain;
    this.shutdownGrace = shutdownGrace;
  }

  /** Starts serving; returns once the port is bound. */
  public static GatewayServer start(
      GatewayConfig config,
      MethodRegistry registry,
      Backend backend,
      Guard guard,
      Map<String, Object> configView,
      EventLoopGroup loops,
      Consumer<ServerBuilder> moreRoutes,
      GatewayMetrics metrics,
      Tracing tracing) {
    GatewayConfig.Http http = config.http();
    ApiService api =
        new ApiService(
            registry,
            Transcoder.create(),
            backend,
            config.fieldValidation(),
            config.upstream().timeout());
    GatewayConfig.Limits limits = config.security().limits();
    Drain drain = new Drain(min(DRAIN_QUIET_PERIOD, http.shutdownGrace()), REFUSAL_LIMIT);
    ServerBuilder builder =
        Server.builder()
            .workerGroup(loops, false)
            .blockingTaskExecutor(
                BlockingTaskExecutor.builder()
                    .threadNamePrefix("cuegate-blocking")
                    .numThreads(BLOCKING_THREADS)
                    .keepAliveTime(BLOCKING_KEEP_ALIVE)
                    .build(),
                true)
            .requestTimeout(http.requestTimeout())
            .idleTimeout(limits.idleTimeout())
            .http1MaxHeaderSize((int) limits.maxHeaderBytes())
            .http2MaxHeaderListSize(limits.maxHeaderBytes())
            .maxRequestLength(http.maxRequestBytes())
            .http2MaxStreamsPerConnection(config.upstream().maxConcurrentStreams())
            // The drain answers every request before the server stops; the server's own
            // graceful period would only keep accepting connections it then cuts.
            .gracefulShutdownTimeout(Duration.ZERO, Duration.ZERO)
            .childChannelPipelineCustomizer(drain.connectionTracker())
            .errorHandler(new JsonErrorHandler())
            .meterRegistry(metrics.registry())
            .decorator(everyRoute(drain, metrics, tracing));
    listen(builder, http);
    // Routes of their own (Shaman's, the workers') come before the catch-all API route.
    moreRoutes.accept(builder);
    // /config names no operation: any valid token may read it, whatever the policy.
    builder
        .service("/config", guard.protect(new ConfigService(configView), ctx -> Optional.empty()))
        .serviceUnder("/", guard.protect(api, RequestOperation.rpc(registry)));
    Server server = builder.build();
    server.start().join();
    return new GatewayServer(server, drain, http.shutdownGrace());
  }

  /**
   * What every route of the port passes, composed once into one decorator: Armeria looks up the
   * server's decorators by route on every request, so one costs less than six. The last applied
   * sees the request first: the access log assigns the request id, tracing puts it into the log
   * context, metrics see the whole request, and the services read and write plain bodies.
   */
  private static Function<? super HttpService, ? extends HttpService> everyRoute(
      Drain drain, GatewayMetrics metrics, Tracing tracing) {
    Function<? super HttpService, EncodingService> encoding =
        EncodingService.builder().minBytesToForceChunkedEncoding(MIN_GZIP_BYTES).newDecorator();
    RequestBodyDecoding bodyDecoding =
        RequestBodyDecoding.except(ShamanService.SELF_DECODING_PATHS);
    DecoratingHttpServiceFunction draining = drain.decorator();
    DecoratingHttpServiceFunction measured = metrics.requestDecorator();
    DecoratingHttpServiceFunction traced = tracing.serverDecorator();
    AccessLogDecorator accessLog = new AccessLogDecorator();
    return service -> service.decorate(encoding)
        .decorate(bodyDecoding)
        .decorate(draining)
        .decorate(measured)
        .decorate(traced)
        .decorate(accessLog);
  }

  /**
   * HTTPS (HTTP/2 by ALPN, or HTTP/1.1) when a certificate is configured, else cleartext HTTP/1.1
   * and h2c on the same port.
   */
  private static void listen(ServerBuilder builder, GatewayConfig.Http http) {
    if (http.tlsCertFile().isEmpty() || http.tlsKeyFile().isEmpty()) {
      builder.http(http.port());
      return;
    }
    ReloadingKeyPair keyPair;
    try {
      keyPair = new ReloadingKeyPair(http.tlsCertFile().get(), http.tlsKeyFile().get());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("TLS_CERT_FILE", e.getMessage());
    }
    builder.https(http.port()).tlsProvider(TlsProvider.ofScheduled(keyPair, TLS_RELOAD_INTERVAL));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** The bound API port (useful when configured as 0). */
  public int port() {
    return server.activeLocalPort();
  }

  /** True once shutdown began: readiness fails so that load balancers send no more. */
  public boolean isDraining() {
    return drain.isDraining();
  }

  /** Starts the drain (see {@link Drain}) without waiting: answers from now on close. */
  public void beginDrain() {
    drain.begin();
  }

  /**
   * Drains (running requests finish within {@code SHUTDOWN_TIMEOUT}; any still running then is
   * answered 503), then stops the port. The upstream is the caller's to close.
   */
  @Override
  public void close() {
    log.info("shutting down: draining the API port (up to {} ms)", shutdownGrace.toMillis());
    try {
      Drain.Outcome outcome = drain.finish(shutdownGrace);
      log.info("shutdown: API port drained in {} ms; {} requests still running then were"
              + " answered 503; refusing took {} ms{}",
          outcome.draining().toMillis(), outcome.refusedRunning(), outcome.refusing().toMillis(),
          outcome.leftConnections() == 0 ? ""
              : "; " + outcome.leftConnections() + " idle connections are closed");
      server.stop();
      // Not joined: once its sockets are closed, Armeria's stop only waits out its acceptor
      // threads' two-second quiet period, which keeps nothing from exiting.
      drain.awaitClosed(STOP_LIMIT, () -> server.activePorts().isEmpty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
