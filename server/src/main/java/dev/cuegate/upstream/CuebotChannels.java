package dev.cuegate.upstream;

import com.linecorp.armeria.common.util.EventLoopGroups;
import dev.cuegate.config.GatewayConfig;
import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.NameResolverRegistry;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/**
 * Channels to the Cuebot(s) of the configuration: the first endpoint that answers, failing over to
 * the next; plaintext or TLS; with keepalive.
 */
final class CuebotChannels {

  private CuebotChannels() {}

  /**
   * A connection per event loop of {@code loops}, the HTTP server's: a request's call goes over
   * the connection of the loop that read the request.
   */
  static ManagedChannel perEventLoop(GatewayConfig.Upstream config, EventLoopGroup loops) {
    return EventLoopChannels.of(
        loops,
        loop ->
            channelBuilder(config)
                .eventLoopGroup(loop)
                .channelType(EventLoopGroups.socketChannelType(loop))
                .build());
  }

  /** One channel on grpc-java's own event loops. */
  static ManagedChannel single(GatewayConfig.Upstream config) {
    return channelBuilder(config).build();
  }

  private static NettyChannelBuilder channelBuilder(GatewayConfig.Upstream config) {
    NameResolverRegistry resolvers = new NameResolverRegistry();
    resolvers.register(new StaticAddressResolverProvider(config.endpoints()));
    return NettyChannelBuilder.forTarget(
            StaticAddressResolverProvider.SCHEME + ":///cuebot", credentials(config.tls()))
        .nameResolverFactory(resolvers.asFactory())
        .maxInboundMessageSize(config.maxInboundMessageBytes())
        .maxInboundMetadataSize(64 * 1024)
        .keepAliveTime(config.keepaliveTime().toNanos(), TimeUnit.NANOSECONDS)
        .keepAliveTimeout(config.keepaliveTimeout().toNanos(), TimeUnit.NANOSECONDS)
        .defaultLoadBalancingPolicy("pick_first")
        .userAgent("cuegate")
        // Callbacks only complete a future; running them on the transport's thread saves a
        // thread hop per call (nothing downstream of them blocks: large answers are rendered
        // on Armeria's blocking executor).
        .directExecutor();
  }

  /**
   * Certificates are checked against the first endpoint's host name (the channel's authority), so
   * with several Cuebots behind TLS their certificates must all be valid for that name.
   */
  private static ChannelCredentials credentials(GatewayConfig.UpstreamTls tls) {
    if (!tls.enabled()) {
      return InsecureChannelCredentials.create();
    }
    TlsChannelCredentials.Builder builder = TlsChannelCredentials.newBuilder();
    if (tls.caFile().isPresent()) {
      try {
        builder.trustManager(tls.caFile().get().toFile());
      } catch (IOException e) {
        throw new UncheckedIOException("CUEBOT_CA_FILE: cannot read " + tls.caFile().get(), e);
      }
    }
    return builder.build();
  }
}
