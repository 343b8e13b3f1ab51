package dev.cuegate.farm.store;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** A request the farm refuses, with the gRPC status it is answered with. */
public final class FarmException extends RuntimeException {

  /** Why the request is refused. */
  public enum Kind {
    NOT_FOUND,
    INVALID_ARGUMENT,
    ALREADY_EXISTS,
    FAILED_PRECONDITION
  }

  private final Kind kind;

  public FarmException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** The refusal as the gRPC status a caller of the farm's services gets. */
  public StatusRuntimeException toStatus() {
    Status status = switch (kind) {
      case NOT_FOUND -> Status.NOT_FOUND;
      case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
      case ALREADY_EXISTS -> Status.ALREADY_EXISTS;
      case FAILED_PRECONDITION -> Status.FAILED_PRECONDITION;
    };
    return status.withDescription(getMessage()).asRuntimeException();
  }

  static FarmException notFound(String message) {
    return new FarmException(Kind.NOT_FOUND, message);
  }

  static FarmException invalid(String message) {
    return new FarmException(Kind.INVALID_ARGUMENT, message);
  }
}
