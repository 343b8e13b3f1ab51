package dev.cuegate.upstream;

import dev.cuegate.config.GatewayConfig;
import dev.cuegate.contract.ApiMethod;
import dev.cuegate.farm.EmbeddedFarm;
import io.grpc.ConnectivityState;
import io.grpc.Metadata;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

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

  /** The channel's state, for readiness: READY or IDLE means calls can be made. */
  ConnectivityState state();

  /** Human-readable target for logs and {@code /config}. */
  String target();

  /** Stops accepting calls and waits briefly for in-flight ones. */
  @Override
  void close();

  /** A Cuebot (the first endpoint that answers, failing over to the next) over gRPC. */
  static Backend cuebot(GatewayConfig.Upstream config) {
    return new CuebotBackend(config, Clock.systemUTC());
  }

  /** The embedded farm's OpenCue services, called in-process as if they were a Cuebot. */
  static Backend embedded(EmbeddedFarm farm, GatewayConfig.Upstream config) {
    return new EmbeddedBackend(farm, config.maxInboundMessageBytes(), Clock.systemUTC());
  }
}
