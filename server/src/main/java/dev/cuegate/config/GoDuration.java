package dev.cuegate.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;

/**
 * Durations in Go's {@code time.ParseDuration} syntax ({@code 30s}, {@code 1m30s}, {@code 1.5h}),
 * because OpenCue's Go gateway documents its settings that way.
 */
public final class GoDuration {

  private static final BigInteger MIN_NANOS = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);
  private static final long NANOS_PER_MICRO = 1_000L;
  private static final long NANOS_PER_MILLI = 1_000_000L;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
  private static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;

  /** Go accepts both the micro sign (U+00B5) and the Greek mu (U+03BC) for microseconds. */
  private static final Map<String, Long> UNITS = Map.of(
      "ns", 1L,
      "us", NANOS_PER_MICRO,
      "\u00b5s", NANOS_PER_MICRO,
      "\u03bcs", NANOS_PER_MICRO,
      "ms", NANOS_PER_MILLI,
      "s", NANOS_PER_SECOND,
      "m", NANOS_PER_MINUTE,
      "h", NANOS_PER_HOUR);

  private GoDuration() {}

  /**
   * Parses Go duration syntax. Like Go, the range is that of a signed 64-bit count of
   * nanoseconds, fractions below a nanosecond are truncated, and a sign is allowed; callers decide
   * whether a negative value makes sense.
   *
   * @throws IllegalArgumentException saying what is wrong with the text
   */
  public static Duration parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("empty duration");
    }
    int pos = 0;
    boolean negative = false;
    if (text.charAt(0) == '-' || text.charAt(0) == '+') {
      negative = text.charAt(0) == '-';
      pos = 1;
    }
    if (text.substring(pos).equals("0")) {
      return Duration.ZERO;
    }
    if (pos == text.length()) {
      throw new IllegalArgumentException("no number in duration");
    }
    BigInteger total = BigInteger.ZERO;
    while (pos < text.length()) {
      int numberStart = pos;
      while (pos < text.length() && (isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
        pos++;
      }
      String number = text.substring(numberStart, pos);
      if (!isNumber(number)) {
        throw new IllegalArgumentException("expected a number at position " + numberStart);
      }
      int unitStart = pos;
      while (pos < text.length() && !isDigit(text.charAt(pos)) && text.charAt(pos) != '.') {
        pos++;
      }
      String unit = text.substring(unitStart, pos);
      Long unitNanos = UNITS.get(unit);
      if (unitNanos == null) {
        throw new IllegalArgumentException(unit.isEmpty()
            ? "missing unit after " + number + " (use ns, us, ms, s, m or h)"
            : "unknown unit '" + unit + "' (use ns, us, ms, s, m or h)");
      }
      // Each component is truncated to whole nanoseconds on its own, as Go does.
      total = total.add(new BigDecimal(withLeadingZero(number))
          .multiply(BigDecimal.valueOf(unitNanos))
          .setScale(0, RoundingMode.DOWN)
          .toBigIntegerExact());
      if (total.compareTo(MAX_NANOS.add(BigInteger.ONE)) > 0) {
        throw new IllegalArgumentException("duration out of range");
      }
    }
    BigInteger nanos = negative ? total.negate() : total;
    if (nanos.compareTo(MIN_NANOS) < 0 || nanos.compareTo(MAX_NANOS) > 0) {
      throw new IllegalArgumentException("duration out of range");
    }
    return Duration.ofNanos(nanos.longValueExact());
  }

  /**
   * Formats as Go's {@code Duration.String()} does: {@code 0s}, {@code 500ms}, {@code 1.5µs},
   * {@code 1m30s}, {@code 1h0m0s}.
   *
   * @throws IllegalArgumentException if the duration does not fit Go's 64-bit nanosecond range
   */
  public static String format(Duration duration) {
    long nanos;
    try {
      nanos = duration.toNanos();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("duration out of Go's range: " + duration, e);
    }
    if (nanos == 0) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    if (nanos < 0) {
      out.append('-');
    }
    // Long.MIN_VALUE has no positive counterpart in a long.
    BigInteger magnitude = BigInteger.valueOf(nanos).abs();
    if (magnitude.compareTo(BigInteger.valueOf(NANOS_PER_SECOND)) < 0) {
      long small = magnitude.longValueExact();
      if (small < NANOS_PER_MICRO) {
        return out.append(small).append("ns").toString();
      }
      if (small < NANOS_PER_MILLI) {
        return out.append(fraction(small, NANOS_PER_MICRO)).append("\u00b5s").toString();
      }
      return out.append(fraction(small, NANOS_PER_MILLI)).append("ms").toString();
    }
    BigInteger[] hoursAndRest = magnitude.divideAndRemainder(BigInteger.valueOf(NANOS_PER_HOUR));
    long rest = hoursAndRest[1].longValueExact();
    long minutes = rest / NANOS_PER_MINUTE;
    long secondsNanos = rest % NANOS_PER_MINUTE;
    if (hoursAndRest[0].signum() > 0) {
      out.append(hoursAndRest[0]).append('h').append(minutes).append('m');
    } else if (minutes > 0) {
      out.append(minutes).append('m');
    }
    return out.append(fraction(secondsNanos, NANOS_PER_SECOND)).append('s').toString();
  }

  private static String fraction(long value, long unit) {
    return BigDecimal.valueOf(value)
        .divide(BigDecimal.valueOf(unit))
        .stripTrailingZeros()
        .toPlainString();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Digits with at most one dot and at least one digit: {@code 1}, {@code 1.5}, {@code .5}. */
  private static boolean isNumber(String text) {
    int dots = 0;
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '.') {
        dots++;
      } else {
        digits++;
      }
    }
    return digits > 0 && dots <= 1;
  }

  private static String withLeadingZero(String number) {
    return number.startsWith(".") ? "0" + number : number;
  }
}
