package dev.cuegate.transcode;

/**
 * Checks that protobuf {@code string} bytes are well-formed UTF-8 before they are copied into
 * JSON unchanged (protobuf-java keeps its own check package-private).
 */
final class Utf8Validation {
  private Utf8Validation() {}

  static boolean isValid(byte[] bytes, int offset, int length) {
    int i = offset;
    int end = offset + length;
    while (i < end) {
      int b = bytes[i];
      if (b >= 0) {
        i++;
        continue;
      }
      if (b >= (byte) 0xC2 && b <= (byte) 0xDF) {
        if (i + 1 >= end || !isContinuation(bytes[i + 1])) {
          return false;
        }
        i += 2;
      } else if ((b & 0xF0) == 0xE0) {
        if (i + 2 >= end || !isContinuation(bytes[i + 1]) || !isContinuation(bytes[i + 2])) {
          return false;
        }
        int second = bytes[i + 1] & 0xFF;
        // Rejects overlong forms (E0 80..9F) and UTF-16 surrogates (ED A0..BF).
        if ((b == (byte) 0xE0 && second < 0xA0) || (b == (byte) 0xED && second > 0x9F)) {
          return false;
        }
        i += 3;
      } else if (b >= (byte) 0xF0 && b <= (byte) 0xF4) {
        if (i + 3 >= end
            || !isContinuation(bytes[i + 1])
            || !isContinuation(bytes[i + 2])
            || !isContinuation(bytes[i + 3])) {
          return false;
        }
        int second = bytes[i + 1] & 0xFF;
        // Rejects overlong forms (F0 80..8F) and code points above U+10FFFF (F4 90..).
        if ((b == (byte) 0xF0 && second < 0x90) || (b == (byte) 0xF4 && second > 0x8F)) {
          return false;
        }
        i += 4;
      } else {
        return false;
      }
    }
    return true;
  }

  private static boolean isContinuation(byte b) {
    return (b & 0xC0) == 0x80;
  }
}
