package dev.cuegate.farm.store;

/**
 * A request the farm refuses, and why; the farm's gRPC services answer it with the matching
 * status (farm/service/ExceptionStatusInterceptor).
 */
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

  static FarmException notFound(String message) {
    return new FarmException(Kind.NOT_FOUND, message);
  }

  static FarmException invalid(String message) {
    return new FarmException(Kind.INVALID_ARGUMENT, message);
  }
}
