package dev.cuegate.worker;

/** A worker request refused, and why; {@link WorkerRoutes} answers it with an HTTP status. */
final class WorkerException extends RuntimeException {

  /** Why the request is refused. */
  enum Kind {
    /** The worker's credentials are missing or wrong, or the worker is unknown. */
    UNAUTHENTICATED,
    /** Registration needs a secret the request does not prove. */
    FORBIDDEN,
    /** The request is not a document of the protocol. */
    MALFORMED,
    /** The document is well formed but says something the protocol does not allow. */
    INVALID,
    /** The task, job or worker it names does not exist. */
    NOT_FOUND,
    /** The task belongs to another worker, or changed under it. */
    CONFLICT
  }

  private final Kind kind;

  WorkerException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  Kind kind() {
    return kind;
  }
}
