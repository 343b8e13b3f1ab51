package dev.cuegate.farm.service;

import dev.cuegate.db.StoreException;
import dev.cuegate.farm.spec.SpecException;
import dev.cuegate.farm.store.FarmException;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a farm service (or the bridge's RQD service) throws into the call's status, in one
 * place: a refusal of the farm into its gRPC code, a bad job spec into INVALID_ARGUMENT, a failed
 * database into INTERNAL. Services answer by returning, and refuse by throwing.
 */
public final class ExceptionStatusInterceptor implements ServerInterceptor {
  private static final Logger log = LoggerFactory.getLogger(ExceptionStatusInterceptor.class);

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    return new SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
      @Override
      public void onMessage(Q message) {
        try {
          super.onMessage(message);
        } catch (RuntimeException e) {
          close(call, e);
        }
      }

      @Override
      public void onHalfClose() {
        try {
          super.onHalfClose();
        } catch (RuntimeException e) {
          close(call, e);
        }
      }
    };
  }

  private static void close(ServerCall<?, ?> call, RuntimeException e) {
    Metadata trailers = e instanceof StatusRuntimeException refused
        && refused.getTrailers() != null ? refused.getTrailers() : new Metadata();
    call.close(status(call.getMethodDescriptor().getFullMethodName(), e), trailers);
  }

  /** The status a call that threw {@code e} ends with; anything unforeseen is rethrown. */
  static Status status(String method, RuntimeException e) {
    if (e instanceof StatusRuntimeException refused) {
      return refused.getStatus();
    }
    if (e instanceof FarmException refused) {
      Status status = switch (refused.kind()) {
        case NOT_FOUND -> Status.NOT_FOUND;
        case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
        case ALREADY_EXISTS -> Status.ALREADY_EXISTS;
        case FAILED_PRECONDITION -> Status.FAILED_PRECONDITION;
      };
      return status.withDescription(e.getMessage());
    }
    if (e instanceof SpecException) {
      return Status.INVALID_ARGUMENT.withDescription(e.getMessage());
    }
    if (e instanceof StoreException) {
      log.error("{}: the database failed", method, e);
      return Status.INTERNAL.withDescription(e.getMessage());
    }
    throw e;
  }
}
