package dev.cuegate.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte counts written as plain bytes or with a binary suffix: {@code 1048576}, {@code 16MiB}. */
public final class ByteSize {

  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*(b|ki|kib|mi|mib|gi|gib)?", Pattern.CASE_INSENSITIVE);

  private ByteSize() {}

  /**
   * Parses a byte count. Decimal suffixes such as {@code MB} are refused rather than guessed:
   * whether they mean 10^6 or 2^20 is exactly the kind of doubt a limit should not leave.
   *
   * @throws IllegalArgumentException when the text is not a byte count or overflows
   */
  public static long parse(String text) {
    Matcher matcher = SIZE.matcher(text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a byte count");
    }
    long multiplier = multiplier(matcher.group(2));
    try {
      return Math.multiplyExact(Long.parseLong(matcher.group(1)), multiplier);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("byte count too large", e);
    }
  }

  private static long multiplier(String suffix) {
    if (suffix == null) {
      return 1;
    }
    switch (suffix.toLowerCase(Locale.ROOT)) {
      case "ki":
      case "kib":
        return 1L << 10;
      case "mi":
      case "mib":
        return 1L << 20;
      case "gi":
      case "gib":
        return 1L << 30;
      default:
        return 1;
    }
  }
}
