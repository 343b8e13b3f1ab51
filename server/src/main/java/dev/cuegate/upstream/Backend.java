package dev.cuegate.upstream;

import dev.cuegate.config.GatewayConfig;
import dev.cuegate.contract.ApiMethod;
import dev.cuegate.contract.MethodRegistry;
import dev.cuegate.farm.EmbeddedFarm;
import io.grpc.ClientInterceptor;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoopGroup;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Where calls go once they are protobuf: a Cuebot over gRPC, or the embedded farm in-process.
 *
 * <p>Bodies stay as wire bytes: the gateway never builds message objects on the request path.
 */
public interface Backend extends AutoCloseable {

  /**
   * Makes one unary call.
   *
   * @return the answer, or a future failed with {@link io.grpc.StatusException} (the upstream's
   *     status and trailers); cancelling the future cancels the call
   */
  CompletableFuture<UpstreamReply> call(
      ApiMethod method, byte[] request, Metadata headers, Duration timeout);

  /**
   * As {@link #call(ApiMethod, byte[], Metadata, Duration)}, for a caller of authorization scope
   * {@code scope}: callers whose scopes are equal may call the same methods, so a backend that
   * shares answers between calls shares them only within one scope.
   */
  default CompletableFuture<UpstreamReply> call(
      ApiMethod method, byte[] request, Metadata headers, Duration timeout, String scope) {
    return call(method, request, headers, timeout);
  }

  /** The channel's state, for readiness: READY or IDLE means calls can be made. */
  ConnectivityState state();

  /**
   * A cheap round trip that tells whether the backend answers at all, for readiness.
   *
   * @return a future that completes normally when the backend answered, and fails with a {@link
   *     io.grpc.StatusException} saying why when it did not
   */
  default CompletableFuture<Void> probe(Duration timeout) {
    return CompletableFuture.completedFuture(null);
  }

  /** Human-readable target for logs and {@code /config}. */
  String target();

  /** Stops accepting calls and waits briefly for in-flight ones. */
  @Override
  void close();

  /**
   * A Cuebot (the first endpoint that answers, failing over to the next) over gRPC, with a
   * connection per event loop of {@code loops} (the HTTP server's, so a call never leaves the
   * thread of its request) and interceptors (metrics, tracing) around every API call; the last one
   * listed sees the call first.
   */
  static Backend cuebot(
      GatewayConfig.Upstream config, EventLoopGroup loops, List<ClientInterceptor> interceptors) {
    return new GrpcBackend(
        CuebotChannels.perEventLoop(config, loops),
        String.join(",", config.endpoints()),
        Clock.systemUTC(),
        interceptors);
  }

  /**
   * A channel of its own to the Cuebot(s) of {@code config}, set up as the API's (failover, TLS,
   * keepalive), for the bridge's host reports.
   */
  static ManagedChannel cuebotChannel(GatewayConfig.Upstream config) {
    return CuebotChannels.single(config);
  }

  /**
   * {@code backend}, with identical read-only calls ({@code Get*}, {@code Find*} of {@code
   * registry}) shared while in flight when {@code config} says so, and cached for its TTL; counted
   * on {@code meters}. Without either, {@code backend} itself.
   */
  static Backend sharingReads(
      Backend backend,
      MethodRegistry registry,
      GatewayConfig.Reads config,
      MeterRegistry meters,
      Clock clock) {
    if (!config.coalesce() && !config.cacheEnabled()) {
      return backend;
    }
    Set<String> reads = registry.methods().stream()
        .filter(method -> method.methodName().startsWith("Get")
            || method.methodName().startsWith("Find"))
        .map(ApiMethod::fullName)
        .collect(Collectors.toUnmodifiableSet());
    return new SharedReadsBackend(
        backend, reads, config.coalesce(), config.cacheTtl(), meters, clock);
  }

  /**
   * The embedded farm's OpenCue services, called in-process as if they were a Cuebot, with the
   * same interceptors as {@link #cuebot(GatewayConfig.Upstream, EventLoopGroup, List)}.
   */
  static Backend embedded(
      EmbeddedFarm farm, GatewayConfig.Upstream config, List<ClientInterceptor> interceptors) {
    return new EmbeddedBackend(
        farm, config.maxInboundMessageBytes(), Clock.systemUTC(), interceptors);
  }
}
