package dev.cuegate.db;

/** The database failed (not the caller's fault): answered as INTERNAL. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
