package dev.cuegate.auth;

/** A request that failed authentication; the message says which check failed. */
public final class AuthException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Short machine-readable reason (metrics label), e.g. {@code expired}, {@code bad_signature}. */
  private final String reason;

  public AuthException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
