package dev.cuegate.farm.store;

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

  static FarmException notFound(String message) {
    return new FarmException(Kind.NOT_FOUND, message);
  }

  static FarmException invalid(String message) {
    return new FarmException(Kind.INVALID_ARGUMENT, message);
  }
}
