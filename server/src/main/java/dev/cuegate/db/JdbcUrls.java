package dev.cuegate.db;

import java.util.regex.Pattern;

/** JDBC URLs as logs may show them. */
final class JdbcUrls {
  /** A JDBC URL may carry its password as a parameter ({@code password=...}). */
  private static final Pattern PASSWORD = Pattern.compile("((?i:password)=)[^&;]*");

  private JdbcUrls() {}

  /** The URL with any password parameter's value replaced by {@code [redacted]}. */
  static String withoutPassword(String url) {
    return PASSWORD.matcher(url).replaceAll("$1[redacted]");
  }
}
