package dev.cuegate.transcode;

/**
 * A document that cannot be converted, with the JSON path of the offending field ({@code ""} for
 * the document itself) so that the client can be told exactly what to fix.
 */
public final class TranscodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String fieldPath;

  public TranscodeException(String fieldPath, String message) {
    super(message);
    this.fieldPath = fieldPath;
  }

  public TranscodeException(String fieldPath, String message, Throwable cause) {
    super(message, cause);
    this.fieldPath = fieldPath;
  }

  /** Dotted JSON path, array indexes in brackets: {@code req.states.frameStates[2]}. */
  public String fieldPath() {
    return fieldPath;
  }
}
