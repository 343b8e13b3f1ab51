package dev.cuegate.farm.spec;

/**
 * A job spec that cannot be accepted; the message names the element (and, when known, its line and
 * column) so that the submitter can fix it. The API answers it with INVALID_ARGUMENT.
 */
public final class SpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SpecException(String message) {
    super(message);
  }

  public SpecException(String message, Throwable cause) {
    super(message, cause);
  }
}
