package dev.cuegate.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.encoding.EncodingService;
import dev.cuegate.config.GatewayConfig;
import dev.cuegate.rest.JsonErrorHandler;
import dev.cuegate.shutdown.Drain;
import dev.cuegate.upstream.Backend;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The admin port: {@code /healthz}, {@code /readyz} and {@code /metrics}, without a token, on a
 * port of its own so that the API port keeps requiring a token on every route.
 */
public final class AdminServer implements AutoCloseable {
  /** Below the one-second timeout that Kubernetes gives a probe by default. */
  private static final Duration PROBE_TIMEOUT = Duration.ofMillis(800);
  private static final MediaType PROMETHEUS_TEXT =
      MediaType.parse("text/plain; version=0.0.4; charset=utf-8");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Duration ADMIN_IDLE_TIMEOUT = Duration.ofMinutes(2);
  /** Probes and scrapes are quick; the admin port drains after the API port, briefly. */
  private static final Duration DRAIN_LIMIT = Duration.ofMillis(500);

  private final Server server;
  private final Drain drain;

  private AdminServer(Server server, Drain drain) {
    this.server = server;
    this.drain = drain;
  }

  /**
   * Starts the admin port when the configuration enables it; returns once the port is bound.
   *
   * @param shuttingDown true once shutdown began: {@code /readyz} then answers 503 at once
   */
  public static Optional<AdminServer> start(
      GatewayConfig.Operations config,
      BooleanSupplier shuttingDown,
      PrometheusMeterRegistry registry,
      Backend backend) {
    if (!config.adminEnabled()) {
      return Optional.empty();
    }
    Readiness readiness = new Readiness(backend, PROBE_TIMEOUT, shuttingDown);
    Drain drain = new Drain(Duration.ZERO, DRAIN_LIMIT);
    ServerBuilder builder = Server.builder();
    InetSocketAddress address =
        config
            .adminBind()
            .map(host -> new InetSocketAddress(host, config.adminPort()))
            .orElseGet(() -> new InetSocketAddress(config.adminPort()));
    builder
        .http(address)
        .gracefulShutdownTimeout(Duration.ZERO, Duration.ZERO)
        .childChannelPipelineCustomizer(drain.connectionTracker())
        // Longer than any scrape or probe interval, so a kept-alive connection is not closed
        // just as the next scrape reuses it (Armeria's default is 10 s).
        .idleTimeout(ADMIN_IDLE_TIMEOUT)
        // Armeria's meters come from the API server; the admin port's own would only clash.
        .meterRegistry(new CompositeMeterRegistry())
        .errorHandler(new JsonErrorHandler())
        .decorator(EncodingService.newDecorator())
        .decorator(drain.decorator())
        .route()
        .methods(HttpMethod.GET, HttpMethod.HEAD)
        .path("/healthz")
        .build((ctx, req) -> json(HttpStatus.OK, Map.of("status", "ok")))
        .route()
        .methods(HttpMethod.GET, HttpMethod.HEAD)
        .path("/readyz")
        .build((ctx, req) -> HttpResponse.of(readiness.check().thenApply(AdminServer::ready)))
        .route()
        .methods(HttpMethod.GET, HttpMethod.HEAD)
        .path("/metrics")
        .build((ctx, req) -> HttpResponse.of(HttpStatus.OK, PROMETHEUS_TEXT, registry.scrape()));
    Server server = builder.build();
    server.start().join();
    return Optional.of(new AdminServer(server, drain));
  }

  private static HttpResponse ready(Optional<String> problem) {
    if (problem.isEmpty()) {
      return json(HttpStatus.OK, Map.of("status", "ready"));
    }
    Map<String, String> body = new LinkedHashMap<>();
    body.put("status", "unavailable");
    body.put("reason", problem.get());
    return json(HttpStatus.SERVICE_UNAVAILABLE, body);
  }

  private static HttpResponse json(HttpStatus status, Map<String, String> body) {
    try {
      return HttpResponse.of(status, MediaType.JSON_UTF_8, JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings is always JSON", e);
    }
  }

  /** The bound admin port (useful when configured as 0). */
  public int port() {
    return server.activeLocalPort();
  }

  /** Answers what is running (a scrape, a probe), refuses the rest with 503, then stops. */
  @Override
  public void close() {
    try {
      drain.finish(DRAIN_LIMIT);
      // Not joined, as for the API port: see GatewayServer.close().
      server.stop();
      drain.awaitClosed(DRAIN_LIMIT, () -> server.activePorts().isEmpty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
