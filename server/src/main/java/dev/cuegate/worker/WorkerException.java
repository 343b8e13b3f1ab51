package dev.cuegate.worker;

/** A worker request refused with an HTTP status; rendered by {@link WorkerRoutes}. */
final class WorkerException extends RuntimeException {
  private final int status;

  WorkerException(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
