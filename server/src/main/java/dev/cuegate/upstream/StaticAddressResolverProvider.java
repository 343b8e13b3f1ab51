package dev.cuegate.upstream;

import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Resolves a fixed list of {@code host:port} endpoints, in order, so that pick-first load balancing
 * uses the first Cuebot that answers and fails over to the next.
 *
 * <p>Host names are resolved when the channel connects, not once at start-up, so a Cuebot that
 * moves to another address is found again.
 */
final class StaticAddressResolverProvider extends NameResolverProvider {
  static final String SCHEME = "cuebots";

  private final List<String> endpoints;

  StaticAddressResolverProvider(List<String> endpoints) {
    this.endpoints = List.copyOf(endpoints);
  }

  @Override
  public NameResolver newNameResolver(URI targetUri, NameResolver.Args args) {
    if (!SCHEME.equals(targetUri.getScheme())) {
      return null;
    }
    return new NameResolver() {
      private Listener2 listener;
      private boolean resolving;

      @Override
      public String getServiceAuthority() {
        return endpoints.get(0);
      }

      @Override
      public void start(Listener2 listener) {
        this.listener = listener;
        resolve();
      }

      @Override
      public void refresh() {
        resolve();
      }

      private void resolve() {
        if (resolving) {
          return;
        }
        resolving = true;
        // DNS may block: look up on the offload executor, report on the synchronization context.
        args.getOffloadExecutor().execute(() -> {
          List<SocketAddress> addresses = lookUp();
          args.getSynchronizationContext().execute(() -> {
            resolving = false;
            report(addresses);
          });
        });
      }

      private List<SocketAddress> lookUp() {
        List<SocketAddress> addresses = new ArrayList<>();
        for (String endpoint : endpoints) {
          int colon = endpoint.lastIndexOf(':');
          String host = endpoint.substring(0, colon);
          int port = Integer.parseInt(endpoint.substring(colon + 1));
          InetSocketAddress address = new InetSocketAddress(host, port);
          if (!address.isUnresolved()) {
            addresses.add(address);
          }
        }
        return addresses;
      }

      private void report(List<SocketAddress> addresses) {
        if (addresses.isEmpty()) {
          listener.onError(
              Status.UNAVAILABLE.withDescription("cannot resolve any of " + endpoints));
          return;
        }
        // One group with every address: pick-first walks them in order, which is failover.
        listener.onResult(
            ResolutionResult.newBuilder()
                .setAddressesOrError(
                    io.grpc.StatusOr.fromValue(List.of(new EquivalentAddressGroup(addresses))))
                .build());
      }

      @Override
      public void shutdown() {}
    };
  }

  @Override
  public String getDefaultScheme() {
    return SCHEME;
  }

  @Override
  protected boolean isAvailable() {
    return true;
  }

  @Override
  protected int priority() {
    return 5;
  }

  @Override
  public Collection<Class<? extends SocketAddress>> getProducedSocketAddressTypes() {
    return List.of(InetSocketAddress.class);
  }
}
