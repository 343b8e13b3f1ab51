package dev.cuegate.config;

import java.util.Locale;
import java.util.Optional;

/**
 * What to do with JSON input fields that the request message does not have, as in Kubernetes'
 * server-side field validation.
 */
public enum FieldValidation {
  /** Answer 400 naming the fields; nothing is sent upstream. */
  STRICT,
  /** Process the call; one {@code Warning: 299} header per ignored field. */
  WARN,
  /** Process the call silently, as OpenCue's Go gateway does. */
  IGNORE;

  /** Parses {@code Strict}, {@code Warn} or {@code Ignore}, case-insensitively. */
  public static Optional<FieldValidation> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "strict":
        return Optional.of(STRICT);
      case "warn":
        return Optional.of(WARN);
      case "ignore":
        return Optional.of(IGNORE);
      default:
        return Optional.empty();
    }
  }
}
