package dev.cuegate.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to environment variables. A blank value counts as unset, as in the Go gateway and
 * in container definitions that write {@code VAR=}. Every failure names the variable, what was
 * expected and what was given.
 */
final class EnvReader {

  private final Map<String, String> env;

  EnvReader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** The value exactly as given, not trimmed (for secrets), or empty when unset or blank. */
  Optional<String> verbatim(Variable variable) {
    String value = env.get(variable.name());
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /** The trimmed value, or empty when unset or blank. */
  Optional<String> optional(Variable variable) {
    return verbatim(variable).map(String::trim);
  }

  /** The trimmed value, or the variable's default. */
  String text(Variable variable) {
    return optional(variable).orElse(variable.defaultValue);
  }

  int integer(Variable variable, int min, int max) {
    String text = text(variable);
    String expected = "an integer from " + min + " to " + max;
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw invalid(variable, expected, text);
    }
    if (value < min || value > max) {
      throw invalid(variable, expected, text);
    }
    return value;
  }

  boolean bool(Variable variable) {
    String text = text(variable);
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw invalid(variable, "true or false", text);
    };
  }

  Duration duration(Variable variable, boolean zeroAllowed) {
    String text = text(variable);
    String expected = (zeroAllowed ? "a non-negative" : "a positive")
        + " Go duration such as 30s, 1m30s or 500ms";
    Duration value;
    try {
      value = GoDuration.parse(text);
    } catch (IllegalArgumentException e) {
      throw invalid(variable, expected + " (" + e.getMessage() + ")", text);
    }
    if (value.isNegative() || (value.isZero() && !zeroAllowed)) {
      throw invalid(variable, expected, text);
    }
    return value;
  }

  /** A comma-separated list; empty entries are errors because they are always typos. */
  List<String> list(Variable variable) {
    String text = text(variable);
    List<String> items = new ArrayList<>();
    for (String item : text.split(",", -1)) {
      String trimmed = item.trim();
      if (trimmed.isEmpty()) {
        throw invalid(variable, "a comma-separated list without empty entries", text);
      }
      items.add(trimmed);
    }
    return List.copyOf(items);
  }

  /**
   * Comma-separated paths, or none when unset. Blank entries are skipped rather than refused: the
   * Shaman settings always accepted a trailing comma.
   */
  List<Path> paths(Variable variable) {
    List<Path> paths = new ArrayList<>();
    for (String item : optional(variable).orElse("").split(",")) {
      if (!item.isBlank()) {
        paths.add(toPath(variable, item.trim()));
      }
    }
    return List.copyOf(paths);
  }

  Path path(Variable variable) {
    return toPath(variable, text(variable));
  }

  Optional<Path> optionalPath(Variable variable) {
    return optional(variable).map(text -> toPath(variable, text));
  }

  private static Path toPath(Variable variable, String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw invalid(variable, "a file system path", text);
    }
  }

  static ConfigException invalid(Variable variable, String expected, String given) {
    return new ConfigException(variable.name(), "expected " + expected + ", got '" + given + "'");
  }
}
