package dev.cuegate.worker;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flamenco's per-platform variables: a {@code {name}} placeholder in a task's settings becomes
 * the value configured for the platform of the worker that runs it ({@code all} when that
 * platform has none). Placeholders without a value are left as they are, so a command that
 * means literal braces keeps them.
 */
final class WorkerVariables {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");
  private static final String ANY_PLATFORM = "all";

  private final Map<String, Map<String, String>> values;

  /** {@code values}: name → platform → value. */
  WorkerVariables(Map<String, Map<String, String>> values) {
    this.values = Map.copyOf(values);
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  /** {@code text} with every known placeholder replaced by its value for {@code platform}. */
  String expand(String text, String platform) {
    if (values.isEmpty() || text.indexOf('{') < 0) {
      return text;
    }
    Matcher placeholder = PLACEHOLDER.matcher(text);
    StringBuilder expanded = new StringBuilder();
    while (placeholder.find()) {
      Map<String, String> byPlatform = values.getOrDefault(placeholder.group(1), Map.of());
      String value = byPlatform.getOrDefault(platform, byPlatform.get(ANY_PLATFORM));
      placeholder.appendReplacement(expanded,
          Matcher.quoteReplacement(value == null ? placeholder.group() : value));
    }
    placeholder.appendTail(expanded);
    return expanded.toString();
  }
}
