package dev.cuegate.admin;

import dev.cuegate.upstream.Backend;
import io.grpc.ConnectivityState;
import io.grpc.Status;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * Whether the gateway can serve: it is not shutting down, the configuration is loaded (it is, or
 * the process would not run) and Cuebot answers. A READY channel is trusted as is; in any other state one cheap round
 * trip decides, which also makes a channel that backs off after a failure reconnect at once.
 */
final class Readiness {
  private final Backend backend;
  private final Duration probeTimeout;
  private final BooleanSupplier shuttingDown;

  Readiness(Backend backend, Duration probeTimeout, BooleanSupplier shuttingDown) {
    this.backend = backend;
    this.probeTimeout = probeTimeout;
    this.shuttingDown = shuttingDown;
  }

  /** Completes with empty when ready, or with the reason why not. */
  CompletableFuture<Optional<String>> check() {
    if (shuttingDown.getAsBoolean()) {
      return CompletableFuture.completedFuture(Optional.of("shutting down"));
    }
    ConnectivityState state = backend.state();
    if (state == ConnectivityState.READY) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    if (state == ConnectivityState.SHUTDOWN) {
      return CompletableFuture.completedFuture(Optional.of("shutting down"));
    }
    return backend
        .probe(probeTimeout)
        .handle(
            (answered, error) ->
                error == null ? Optional.empty() : Optional.of(reason(state, error)));
  }

  private String reason(ConnectivityState state, Throwable error) {
    Status status = Status.fromThrowable(error);
    String detail = status.getDescription() == null ? "" : ": " + status.getDescription();
    return "Cuebot at " + backend.target() + " does not answer (channel " + state + ", "
        + status.getCode() + detail + ")";
  }
}
