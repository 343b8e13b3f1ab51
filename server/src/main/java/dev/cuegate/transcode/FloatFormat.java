package dev.cuegate.transcode;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import com.fasterxml.jackson.core.io.schubfach.FloatToDecimal;
import java.math.BigDecimal;

/**
 * Formats finite floats and doubles the way Go's protojson does: the shortest digits that read
 * back as the same value (for {@code float}: the same float32), laid out in plain decimal
 * notation when 1e-6 <= |x| < 1e21 and in exponent notation ({@code 1e+21}, {@code 1.5e-7})
 * otherwise.
 *
 * <p>Java 17's {@code Double.toString} is not always the shortest, so the digits come from the
 * Schubfach implementation shipped in jackson-core; only its layout is rewritten here. One
 * instance per thread: it reuses its buffers.
 */
final class FloatFormat {
  private static final double TWO_TO_53 = 0x1p53;

  private final char[] digits = new char[32];
  private final char[] out = new char[48];

  /** Writes the finite value into {@link #chars()} and returns the length. */
  int formatDouble(double value) {
    if (value == 0) {
      return zero(Double.doubleToRawLongBits(value) < 0);
    }
    if (value == Math.rint(value) && Math.abs(value) < TWO_TO_53) {
      // Every integer below 2^53 is a double whose shortest digits are its own.
      return exactDecimal((long) value, 0);
    }
    double abs = Math.abs(value);
    return layout(DoubleToDecimal.toString(value), abs < 1e-6 || abs >= 1e21, value, false);
  }

  /** Writes the finite value into {@link #chars()} and returns the length. */
  int formatFloat(float value) {
    if (value == 0) {
      return zero(Float.floatToRawIntBits(value) < 0);
    }
    int exact = shortFloat(value);
    if (exact >= 0) {
      return exact;
    }
    float abs = Math.abs(value);
    return layout(FloatToDecimal.toString(value), abs < 1e-6f || abs >= 1e21f, value, true);
  }

  /**
   * Java prints at least two digits even where one digit reads back as the same value
   * ({@code 4.9E-324} for Double.MIN_VALUE, Go: {@code 5e-324}). Returns the one-digit
   * replacement (10 meaning 1 with the exponent one higher) that reads back as {@code value} and
   * is nearest to it, or 0 when two digits are needed.
   */
  private static int oneDigit(
      char first, char second, int scientific, double value, boolean isFloat) {
    int down = first - '0';
    int up = down + 1;
    int tail = second - '0';
    boolean upFirst = tail > 5 || (tail == 5 && new BigDecimal(Math.abs(value))
        .compareTo(new BigDecimal(down * 10 + 5).scaleByPowerOfTen(scientific - 1)) > 0);
    int preferred = upFirst ? up : down;
    int other = upFirst ? down : up;
    if (readsBack(preferred, scientific, value, isFloat)) {
      return preferred;
    }
    return readsBack(other, scientific, value, isFloat) ? other : 0;
  }

  /**
   * One digit can only read back when the spacing of neighbouring values is a sizeable fraction
   * of the value (subnormals), so the string round trip below is skipped for everything else.
   */
  private static boolean isCoarse(double value, boolean isFloat) {
    double spacing = isFloat ? Math.ulp((float) value) : Math.ulp(value);
    return spacing >= Math.abs(value) * 1e-3;
  }

  private static boolean readsBack(int digit, int scientific, double value, boolean isFloat) {
    String candidate = digit + "E" + scientific;
    return isFloat
        ? Float.parseFloat(candidate) == (float) Math.abs(value)
        : Double.parseDouble(candidate) == Math.abs(value);
  }

  /**
   * The garbage-free path for the floats answers are full of (1, 100.5, 18.25): a value that is
   * exactly m / 10^k for k <= 3. Its exact decimal is then its shortest form when the float's
   * spacing is below 2 / 10^k, since every other decimal of at most k places lies at least 10^-k
   * away, beyond the half-spacing within which a decimal reads back as this float. (A float
   * times 10^k, k <= 3, is exact in a double: 24 + 10 significant bits.) Returns the length
   * written, or -1 where the general path must decide.
   */
  private int shortFloat(float value) {
    double ulp = Math.ulp(value);
    double scale = 1;
    for (int places = 0; places <= 3; places++, scale *= 10) {
      double scaled = value * scale;
      if (scaled == Math.rint(scaled)) {
        return ulp * scale < 2 ? exactDecimal((long) scaled, places) : -1;
      }
    }
    return -1;
  }

  /** Writes {@code scaled / 10^places} in plain decimal notation; returns the length. */
  private int exactDecimal(long scaled, int places) {
    int n = 0;
    if (scaled < 0) {
      out[n++] = '-';
    }
    // Below 2^53 in magnitude, so the negation cannot overflow.
    long magnitude = Math.abs(scaled);
    int count = 0;
    do {
      digits[count++] = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    } while (magnitude != 0 || count <= places);
    for (int i = count - 1; i >= places; i--) {
      out[n++] = digits[i];
    }
    if (places > 0) {
      out[n++] = '.';
      for (int i = places - 1; i >= 0; i--) {
        out[n++] = digits[i];
      }
    }
    return n;
  }

  char[] chars() {
    return out;
  }

  private int zero(boolean negative) {
    int n = 0;
    if (negative) {
      out[n++] = '-';
    }
    out[n++] = '0';
    return n;
  }

  /**
   * Re-lays out Java's rendering ({@code 123.45}, {@code 1.0E-7}, {@code 0.001}): collects the
   * significant digits and the decimal exponent, then prints them in the target notation.
   * {@code value} is the number itself (a float widened exactly), for the two-digit check.
   */
  private int layout(String java, boolean exponentForm, double value, boolean isFloat) {
    int length = java.length();
    int i = 0;
    boolean negative = java.charAt(0) == '-';
    if (negative) {
      i++;
    }
    int count = 0;
    int pointPosition = -1;
    int exponent = 0;
    for (; i < length; i++) {
      char c = java.charAt(i);
      if (c == '.') {
        pointPosition = count;
      } else if (c == 'E') {
        exponent = Integer.parseInt(java, i + 1, length, 10);
        break;
      } else {
        digits[count++] = c;
      }
    }
    if (pointPosition < 0) {
      pointPosition = count;
    }
    int first = 0;
    while (first < count - 1 && digits[first] == '0') {
      first++;
      pointPosition--;
    }
    while (count - 1 > first && digits[count - 1] == '0') {
      count--;
    }
    int significant = count - first;
    // value = d.ddd × 10^scientific
    int scientific = pointPosition + exponent - 1;
    if (significant == 2 && isCoarse(value, isFloat)) {
      int shorter = oneDigit(digits[first], digits[first + 1], scientific, value, isFloat);
      if (shorter == 10) {
        digits[first] = '1';
        scientific++;
      } else if (shorter > 0) {
        digits[first] = (char) ('0' + shorter);
      }
      if (shorter > 0) {
        significant = 1;
      }
    }
    int n = 0;
    if (negative) {
      out[n++] = '-';
    }
    if (exponentForm) {
      out[n++] = digits[first];
      if (significant > 1) {
        out[n++] = '.';
        System.arraycopy(digits, first + 1, out, n, significant - 1);
        n += significant - 1;
      }
      out[n++] = 'e';
      out[n++] = scientific < 0 ? '-' : '+';
      String magnitude = Integer.toString(Math.abs(scientific));
      magnitude.getChars(0, magnitude.length(), out, n);
      return n + magnitude.length();
    }
    if (scientific < 0) {
      out[n++] = '0';
      out[n++] = '.';
      for (int z = scientific + 1; z < 0; z++) {
        out[n++] = '0';
      }
      System.arraycopy(digits, first, out, n, significant);
      return n + significant;
    }
    int integerDigits = scientific + 1;
    if (significant <= integerDigits) {
      System.arraycopy(digits, first, out, n, significant);
      n += significant;
      for (int z = significant; z < integerDigits; z++) {
        out[n++] = '0';
      }
      return n;
    }
    System.arraycopy(digits, first, out, n, integerDigits);
    n += integerDigits;
    out[n++] = '.';
    System.arraycopy(digits, first + integerDigits, out, n, significant - integerDigits);
    return n + significant - integerDigits;
  }
}
