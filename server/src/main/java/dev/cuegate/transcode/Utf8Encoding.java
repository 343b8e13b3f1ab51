package dev.cuegate.transcode;

/** UTF-16 to UTF-8 straight between arrays, replacing unpaired surrogates as the JDK does. */
final class Utf8Encoding {
  private Utf8Encoding() {}

  /**
   * Encodes {@code chars[offset, offset + length)} at {@code out[position]}, which has room for 3
   * bytes a char; returns the position after the last byte written.
   */
  static int encode(char[] chars, int offset, int length, byte[] out, int position) {
    int i = offset;
    int end = offset + length;
    int p = position;
    // ASCII first: most text on this path is identifiers, names and digits.
    while (i < end && chars[i] < 0x80) {
      out[p++] = (byte) chars[i++];
    }
    while (i < end) {
      char c = chars[i++];
      if (c < 0x80) {
        out[p++] = (byte) c;
      } else if (c < 0x800) {
        out[p++] = (byte) (0xC0 | (c >>> 6));
        out[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (!Character.isSurrogate(c)) {
        out[p++] = (byte) (0xE0 | (c >>> 12));
        out[p++] = (byte) (0x80 | ((c >>> 6) & 0x3F));
        out[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i < end && Character.isLowSurrogate(chars[i])) {
        int codePoint = Character.toCodePoint(c, chars[i++]);
        out[p++] = (byte) (0xF0 | (codePoint >>> 18));
        out[p++] = (byte) (0x80 | ((codePoint >>> 12) & 0x3F));
        out[p++] = (byte) (0x80 | ((codePoint >>> 6) & 0x3F));
        out[p++] = (byte) (0x80 | (codePoint & 0x3F));
      } else {
        // String.getBytes(UTF_8), protobuf's fallback for such text, writes one '?' for it.
        out[p++] = '?';
      }
    }
    return p;
  }
}
