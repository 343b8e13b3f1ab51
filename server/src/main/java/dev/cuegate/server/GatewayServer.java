package dev.cuegate.server;

import com.linecorp.armeria.common.TlsProvider;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.encoding.DecodingService;
import com.linecorp.armeria.server.encoding.EncodingService;
import dev.cuegate.admin.GatewayMetrics;
import dev.cuegate.audit.AuditLog;
import dev.cuegate.auth.TokenVerifier;
import dev.cuegate.config.ConfigException;
import dev.cuegate.config.GatewayConfig;
import dev.cuegate.contract.MethodRegistry;
import dev.cuegate.rest.AccessLogDecorator;
import dev.cuegate.rest.ApiService;
import dev.cuegate.rest.AuditDecorator;
import dev.cuegate.rest.AuthzDecorator;
import dev.cuegate.rest.BearerAuthDecorator;
import dev.cuegate.rest.ConfigService;
import dev.cuegate.rest.CorsSupport;
import dev.cuegate.rest.InFlightLimitDecorator;
import dev.cuegate.rest.JsonErrorHandler;
import dev.cuegate.rest.RateLimitDecorator;
import dev.cuegate.tracing.Tracing;
import dev.cuegate.traffic.RateLimiter;
import dev.cuegate.transcode.Transcoder;
import dev.cuegate.upstream.Backend;
import io.netty.channel.EventLoopGroup;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The API port: every route behind a bearer token, wired once from the configuration. */
public final class GatewayServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GatewayServer.class);
  /** Smaller answers gain too little from gzip to pay for the CPU and the framing. */
  private static final int MIN_GZIP_BYTES = 1024;
  /** How often the certificate files are checked for a change. */
  private static final Duration TLS_RELOAD_INTERVAL = Duration.ofSeconds(10);

  private final Server server;
  private final Backend backend;

  private GatewayServer(Server server, Backend backend) {
    this.server = server;
    this.backend = backend;
  }

  /**
   * Starts serving; returns once the port is bound. {@code guardedRoutes} (path → service) pass
   * the same guard as the API.
   */
  public static GatewayServer start(
      GatewayConfig config,
      MethodRegistry registry,
      Backend backend,
      TokenVerifier verifier,
      Map<String, Object> configView,
      EventLoopGroup loops,
      Consumer<ServerBuilder> moreRoutes,
      Map<String, HttpService> guardedRoutes,
      GatewayMetrics metrics,
      Tracing tracing,
      Clock clock) {
    GatewayConfig.Http http = config.http();
    ApiService api =
        new ApiService(
            registry,
            Transcoder.create(),
            backend,
            config.fieldValidation(),
            config.upstream().timeout());
    BearerAuthDecorator bearer =
        new BearerAuthDecorator(verifier, failure -> metrics.authFailure(failure.reason()));
    GatewayConfig.Limits limits = config.security().limits();
    ServerBuilder builder =
        Server.builder()
            .workerGroup(loops, false)
            .requestTimeout(http.requestTimeout())
            .idleTimeout(limits.idleTimeout())
            .http1MaxHeaderSize((int) limits.maxHeaderBytes())
            .http2MaxHeaderListSize(limits.maxHeaderBytes())
            .maxRequestLength(http.maxRequestBytes())
            .http2MaxStreamsPerConnection(config.upstream().maxConcurrentStreams())
            .gracefulShutdownTimeout(quietPeriod(http.shutdownGrace()), http.shutdownGrace())
            .errorHandler(new JsonErrorHandler())
            .meterRegistry(metrics.registry())
            // The last decorator added sees the request first: the access log assigns the request
            // id, tracing puts it into the log context, metrics see the whole request, and the
            // services read and write plain bodies.
            .decorator(
                EncodingService.builder()
                    .minBytesToForceChunkedEncoding(MIN_GZIP_BYTES)
                    .newDecorator())
            .decorator(DecodingService.newDecorator())
            .decorator(metrics.requestDecorator())
            .decorator(tracing.serverDecorator())
            .decorator(new AccessLogDecorator());
    listen(builder, http);
    // Routes with their own authentication (Shaman accepts a cookie too) come before the
    // catch-all API route.
    moreRoutes.accept(builder);
    Guard guard = new Guard(config.security(), bearer, clock);
    HttpService rpc = api;
    if (config.security().authzPolicy().isPresent()) {
      rpc = rpc.decorate(new AuthzDecorator(registry, config.security().authzPolicy().get()));
    }
    rpc = rpc.decorate(new AuditDecorator(registry, AuditLog.create(), clock));
    builder.service("/config", guard.protect(new ConfigService(configView)));
    guardedRoutes.forEach((path, service) -> builder.service(path, guard.protect(service)));
    builder.serviceUnder("/", guard.protect(rpc));
    Server server = builder.build();
    server.start().join();
    return new GatewayServer(server, backend);
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

  /**
   * What every API route passes before its own work, outermost first: CORS (preflight is
   * answered here, without a token), the in-flight limit, the rate limit per client address, the
   * bearer token, the rate limit per token subject.
   */
  private static final class Guard {
    private final Function<? super HttpService, ? extends HttpService> cors;
    private final InFlightLimitDecorator inFlight;
    private final Optional<RateLimiter> limiter;
    private final BearerAuthDecorator bearer;

    Guard(GatewayConfig.Security security, BearerAuthDecorator bearer, Clock clock) {
      this.cors = CorsSupport.decorator(security.cors());
      this.inFlight = new InFlightLimitDecorator(security.limits().maxInFlight());
      this.limiter =
          security.rateLimit().enabled()
              ? Optional.of(RateLimiter.tokenBuckets(security.rateLimit(), clock))
              : Optional.empty();
      this.bearer = bearer;
    }

    HttpService protect(HttpService service) {
      HttpService guarded = service;
      if (limiter.isPresent()) {
        guarded = guarded.decorate(RateLimitDecorator.bySubject(limiter.get()));
      }
      guarded = guarded.decorate(bearer);
      if (limiter.isPresent()) {
        guarded = guarded.decorate(RateLimitDecorator.byClientAddress(limiter.get()));
      }
      return guarded.decorate(inFlight).decorate(cors);
    }
  }

  /** New requests stop being accepted at once; in-flight ones get a short quiet period. */
  private static Duration quietPeriod(Duration grace) {
    Duration quiet = Duration.ofMillis(200);
    return grace.compareTo(quiet) < 0 ? grace : quiet;
  }

  /** The bound API port (useful when configured as 0). */
  public int port() {
    return server.activeLocalPort();
  }

  /** Stops accepting, lets in-flight calls finish within the grace period, then closes upstream. */
  @Override
  public void close() {
    log.info("shutting down: finishing in-flight requests");
    server.stop().join();
    backend.close();
  }
}
