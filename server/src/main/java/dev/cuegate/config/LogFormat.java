package dev.cuegate.config;

import java.util.Locale;
import java.util.Optional;

/** How log lines are written: for people, or for a log pipeline. */
public enum LogFormat {
  /** One human-readable line per event. */
  TEXT,
  /** One JSON object per line, for log shippers. */
  JSON;

  /** Parses {@code text} or {@code json}, case-insensitively. */
  public static Optional<LogFormat> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "text" -> Optional.of(TEXT);
      case "json" -> Optional.of(JSON);
      default -> Optional.empty();
    };
  }
}
