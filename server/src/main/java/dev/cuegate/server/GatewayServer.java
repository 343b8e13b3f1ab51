package dev.cuegate.server;

import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.encoding.DecodingService;
import com.linecorp.armeria.server.encoding.EncodingService;
import dev.cuegate.admin.GatewayMetrics;
import dev.cuegate.auth.TokenVerifier;
import dev.cuegate.config.GatewayConfig;
import dev.cuegate.contract.MethodRegistry;
import dev.cuegate.rest.AccessLogDecorator;
import dev.cuegate.rest.ApiService;
import dev.cuegate.rest.BearerAuthDecorator;
import dev.cuegate.rest.ConfigService;
import dev.cuegate.rest.JsonErrorHandler;
import dev.cuegate.tracing.Tracing;
import dev.cuegate.transcode.Transcoder;
import dev.cuegate.upstream.Backend;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The API port: every route behind a bearer token, wired once from the configuration. */
public final class GatewayServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GatewayServer.class);
  /** Smaller answers gain too little from gzip to pay for the CPU and the framing. */
  private static final int MIN_GZIP_BYTES = 1024;

  private final Server server;
  private final Backend backend;

  private GatewayServer(Server server, Backend backend) {
    this.server = server;
    this.backend = backend;
  }

  /** Starts serving; returns once the port is bound. */
  public static GatewayServer start(
      GatewayConfig config,
      MethodRegistry registry,
      Backend backend,
      TokenVerifier verifier,
      Map<String, Object> configView,
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
    BearerAuthDecorator bearer =
        new BearerAuthDecorator(verifier, failure -> metrics.authFailure(failure.reason()));
    ServerBuilder builder =
        Server.builder()
            .http(http.port())
            .requestTimeout(http.requestTimeout())
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
    // Routes with their own authentication (Shaman accepts a cookie too) come before the
    // catch-all API route.
    moreRoutes.accept(builder);
    builder
        .service("/config", new ConfigService(configView).decorate(bearer))
        .serviceUnder("/", api.decorate(bearer));
    Server server = builder.build();
    server.start().join();
    return new GatewayServer(server, backend);
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
