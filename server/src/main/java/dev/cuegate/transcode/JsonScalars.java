package dev.cuegate.transcode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.Descriptors.FieldDescriptor.Type;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Converts one JSON scalar into the value of a protobuf field, accepting what docs/ARCHITECTURE.md ("JSON mapping") allows
 * (integers as numbers or strings, floats also as "NaN"/"Infinity", enums by name or number,
 * base64 in either alphabet) and naming the field and the value when it does not fit.
 *
 * <p>Numeric values travel as "wire bits": the integer itself, 0/1 for bool, the enum number,
 * and the raw IEEE bits for float and double, so one writer serves them all.
 */
final class JsonScalars {
  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");
  /** Up to 18 digits always fit in a long, so they need no big arithmetic. */
  private static final int SMALL_INTEGER_DIGITS = 18;
  private static final Pattern SMALL_INTEGER =
      Pattern.compile("-?[0-9]{1," + SMALL_INTEGER_DIGITS + "}");
  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
  /** An integer in range has at most 20 digits; more is rejected before any big arithmetic. */
  private static final int MAX_INTEGER_DIGITS = 21;
  private static final int MAX_QUOTED_LENGTH = 64;

  private JsonScalars() {}

  /** The wire bits of a numeric, bool or enum field given as {@code token}. */
  static long bits(JsonParser in, JsonToken token, FieldSchema field, String label, JsonPath path)
      throws IOException {
    switch (field.type) {
      case BOOL:
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
          return token == JsonToken.VALUE_TRUE ? 1 : 0;
        }
        throw wrongKind(field, label, "true or false", token, path);
      case FLOAT:
      case DOUBLE:
        return floatingBits(in, token, field, label, path);
      case ENUM:
        return enumNumber(in, token, field, label, path);
      default:
        return integer(in, token, field, label, path);
    }
  }

  /** Checks that a string field is given a JSON string, whose text the caller then reads. */
  static void requireString(JsonToken token, FieldSchema field, String label, JsonPath path) {
    if (token != JsonToken.VALUE_STRING) {
      throw wrongKind(field, label, "a JSON string", token, path);
    }
  }

  /** A bytes field's value, from standard or URL-safe base64, padded or not. */
  static byte[] bytes(JsonParser in, JsonToken token, FieldSchema field, String label,
      JsonPath path) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      throw wrongKind(field, label, "a base64 JSON string", token, path);
    }
    String text = in.getText();
    boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
    try {
      return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
    } catch (IllegalArgumentException e) {
      throw invalid(field, label, quote(text), path);
    }
  }

  /** The wire bits of an integer-typed map key, which JSON always writes as a string. */
  static long integerKey(String key, FieldSchema keyField, String label, JsonPath path) {
    return integerFromText(key, keyField, label, path);
  }

  static TranscodeException wrongKind(
      FieldSchema field, String label, String expected, JsonToken token, JsonPath path) {
    return new TranscodeException(
        path.toString(),
        "expected " + expected + " for " + describeField(field, label) + ", got "
            + describe(token));
  }

  static String describe(JsonToken token) {
    switch (token) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return token.name();
    }
  }

  static String describeField(FieldSchema field, String label) {
    if (field.type == Type.MESSAGE) {
      return "message field " + label + " (" + field.messageTypeName + ")";
    }
    if (field.type == Type.ENUM) {
      return "enum field " + label + " (" + field.enumSchema.fullName + ")";
    }
    return field.typeLabel + " field " + label;
  }

  private static long enumNumber(
      JsonParser in, JsonToken token, FieldSchema field, String label, JsonPath path)
      throws IOException {
    if (token == JsonToken.VALUE_STRING) {
      Integer number =
          field.enumSchema.number(
              in.getTextCharacters(), in.getTextOffset(), in.getTextLength());
      if (number == null) {
        throw invalid(field, label, quote(in.getText()), path);
      }
      return number;
    }
    if (token == JsonToken.VALUE_NUMBER_INT) {
      // Proto3 enums are open: numbers without a name are kept, as protobuf does.
      return integer(in, token, field, label, path);
    }
    throw wrongKind(field, label, "a value name or number", token, path);
  }

  private static long integer(
      JsonParser in, JsonToken token, FieldSchema field, String label, JsonPath path)
      throws IOException {
    switch (token) {
      case VALUE_NUMBER_INT:
      case VALUE_STRING:
        // Nearly every integer, and every 64-bit one (which arrive quoted), is a short run of
        // digits: read straight from the parser's buffer, without a String or a regex.
        char[] chars = in.getTextCharacters();
        int offset = in.getTextOffset();
        int length = in.getTextLength();
        if (isShortInteger(chars, offset, length)) {
          long value = parseShortInteger(chars, offset, length);
          if (!fits(value, field.type)) {
            String text = in.getText();
            throw invalid(field, label, token == JsonToken.VALUE_STRING ? quote(text) : text, path);
          }
          return value;
        }
        return token == JsonToken.VALUE_STRING
            ? integerFromText(in.getText(), field, label, path)
            : longNumber(in, field, label, path);
      case VALUE_NUMBER_FLOAT:
        return inRange(integral(in.getDecimalValue(), field, label, in.getText(), path),
            field, label, in.getText(), path);
      default:
        throw wrongKind(field, label, "an integer (number or string)", token, path);
    }
  }

  /** An optional minus and 1 to 18 ASCII digits, which always fit in a long. */
  private static boolean isShortInteger(char[] chars, int offset, int length) {
    int first = length > 0 && chars[offset] == '-' ? offset + 1 : offset;
    int end = offset + length;
    if (end - first < 1 || end - first > SMALL_INTEGER_DIGITS) {
      return false;
    }
    for (int i = first; i < end; i++) {
      if (chars[i] < '0' || chars[i] > '9') {
        return false;
      }
    }
    return true;
  }

  private static long parseShortInteger(char[] chars, int offset, int length) {
    boolean negative = chars[offset] == '-';
    long value = 0;
    for (int i = negative ? offset + 1 : offset; i < offset + length; i++) {
      value = value * 10 + (chars[i] - '0');
    }
    return negative ? -value : value;
  }

  /** A JSON integer too long for {@link #parseShortInteger}. */
  private static long longNumber(JsonParser in, FieldSchema field, String label, JsonPath path)
      throws IOException {
    if (in.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      long value = in.getLongValue();
      if (!fits(value, field.type)) {
        throw invalid(field, label, in.getText(), path);
      }
      return value;
    }
    return inRange(in.getBigIntegerValue(), field, label, in.getText(), path);
  }

  private static long integerFromText(String text, FieldSchema field, String label,
      JsonPath path) {
    if (SMALL_INTEGER.matcher(text).matches()) {
      long value = Long.parseLong(text);
      if (!fits(value, field.type)) {
        throw invalid(field, label, quote(text), path);
      }
      return value;
    }
    String quoted = quote(text);
    if (!JSON_NUMBER.matcher(text).matches()) {
      throw invalid(field, label, quoted, path);
    }
    return inRange(integral(new BigDecimal(text), field, label, quoted, path),
        field, label, quoted, path);
  }

  private static BigInteger integral(
      BigDecimal value, FieldSchema field, String label, String literal, JsonPath path) {
    if (value.signum() == 0) {
      return BigInteger.ZERO;
    }
    if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
      throw invalid(field, label, literal, path);
    }
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() > 0) {
      throw invalid(field, label, literal, path);
    }
    return stripped.toBigIntegerExact();
  }

  private static long inRange(
      BigInteger value, FieldSchema field, String label, String literal, JsonPath path) {
    boolean unsigned64 = field.type == Type.UINT64 || field.type == Type.FIXED64;
    if (unsigned64 && value.signum() >= 0 && value.compareTo(TWO_TO_64) < 0) {
      return value.longValue();
    }
    if (value.bitLength() <= 63 && fits(value.longValue(), field.type)) {
      return value.longValue();
    }
    throw invalid(field, label, literal, path);
  }

  /** Whether a 64-bit value is in the range of an integer or enum field of {@code type}. */
  private static boolean fits(long value, Type type) {
    switch (type) {
      case INT32:
      case SINT32:
      case SFIXED32:
      case ENUM:
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
      case UINT32:
      case FIXED32:
        return value >= 0 && value <= 0xFFFFFFFFL;
      case UINT64:
      case FIXED64:
        return value >= 0;
      default:
        return true;
    }
  }

  private static long floatingBits(
      JsonParser in, JsonToken token, FieldSchema field, String label, JsonPath path)
      throws IOException {
    double value;
    switch (token) {
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        value = in.getDoubleValue();
        if (Double.isInfinite(value)) {
          throw invalid(field, label, in.getText(), path);
        }
        if (value == 0 && in.getTextCharacters()[in.getTextOffset()] == '-') {
          // An integer token loses the sign of -0, which Go's protojson prints for -0.0.
          value = -0.0;
        }
        break;
      case VALUE_STRING:
        String text = in.getText();
        value = floatingFromText(text, field, label, quote(text), path);
        break;
      default:
        throw wrongKind(field, label, "a number", token, path);
    }
    if (field.type == Type.DOUBLE) {
      return Double.doubleToRawLongBits(value);
    }
    float narrowed = (float) value;
    if (Float.isInfinite(narrowed) && !Double.isInfinite(value)) {
      String text = in.getText();
      throw invalid(field, label, token == JsonToken.VALUE_STRING ? quote(text) : text, path);
    }
    return Float.floatToRawIntBits(narrowed) & 0xFFFFFFFFL;
  }

  private static double floatingFromText(
      String text, FieldSchema field, String label, String literal, JsonPath path) {
    switch (text) {
      case "NaN":
        return Double.NaN;
      case "Infinity":
        return Double.POSITIVE_INFINITY;
      case "-Infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        if (!JSON_NUMBER.matcher(text).matches()) {
          throw invalid(field, label, literal, path);
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
          throw invalid(field, label, literal, path);
        }
        return value;
    }
  }

  private static TranscodeException invalid(
      FieldSchema field, String label, String literal, JsonPath path) {
    return new TranscodeException(
        path.toString(), "invalid value for " + describeField(field, label) + ": " + literal);
  }

  private static String quote(String text) {
    String shown =
        text.length() > MAX_QUOTED_LENGTH ? text.substring(0, MAX_QUOTED_LENGTH) + "..." : text;
    return '"' + shown + '"';
  }
}
