package dev.cuegate.upstream;

import dev.cuegate.contract.ApiMethod;
import dev.cuegate.farm.EmbeddedFarm;
import io.grpc.ClientInterceptor;
import io.grpc.ConnectivityState;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The embedded farm's services on grpc-java's in-process transport: calls take the same path as
 * calls to a Cuebot (deadlines, metadata, statuses), without a socket.
 */
final class EmbeddedBackend implements Backend {
  private final Server server;
  private final GrpcBackend calls;

  EmbeddedBackend(
      EmbeddedFarm farm,
      int maxInboundMessageBytes,
      Clock clock,
      List<ClientInterceptor> interceptors) {
    String name = InProcessServerBuilder.generateName();
    InProcessServerBuilder builder = InProcessServerBuilder.forName(name)
        .fallbackHandlerRegistry(farm.services().fallback());
    farm.services().services().forEach(builder::addService);
    try {
      this.server = builder.build().start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded farm's in-process server", e);
    }
    this.calls = new GrpcBackend(
        InProcessChannelBuilder.forName(name)
            .maxInboundMessageSize(maxInboundMessageBytes)
            .build(),
        farm.describe(),
        clock,
        interceptors);
  }

  @Override
  public CompletableFuture<UpstreamReply> call(
      ApiMethod method, byte[] request, Metadata headers, Duration timeout) {
    return calls.call(method, request, headers, timeout);
  }

  @Override
  public ConnectivityState state() {
    return calls.state();
  }

  @Override
  public String target() {
    return calls.target();
  }

  @Override
  public void close() {
    calls.close();
    // As for Cuebot's channel: what still runs was answered when the API port drained.
    server.shutdownNow();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
