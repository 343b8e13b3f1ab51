package dev.cuegate.shaman;

import java.util.regex.Pattern;

/** A file's identity in the store: its SHA-256 (64 lowercase hex digits) and its size in bytes. */
record BlobKey(String checksum, long size) {
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern SIZE = Pattern.compile("[0-9]{1,19}");

  BlobKey {
    if (!isSha256(checksum)) {
      throw new IllegalArgumentException("checksum must be 64 lowercase hexadecimal digits");
    }
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
  }

  /** Parses the two path parameters of {@code /files/{checksum}/{size}}. */
  static BlobKey parse(String checksum, String size) {
    if (!isSha256(checksum)) {
      throw new IllegalArgumentException("checksum must be 64 lowercase hexadecimal digits");
    }
    return new BlobKey(checksum, parseSize(size));
  }

  /** A non-negative int64 written in decimal digits only. */
  static long parseSize(String size) {
    if (size == null || !SIZE.matcher(size).matches()) {
      throw new IllegalArgumentException("size must be a non-negative integer");
    }
    try {
      return Long.parseLong(size);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("size does not fit in 64 bits", e);
    }
  }

  static boolean isSha256(String checksum) {
    return checksum != null && SHA256_HEX.matcher(checksum).matches();
  }

  /** The store's sub-path for this key, without the file name: {@code <2 hex>/<rest>}. */
  String folder() {
    return checksum.substring(0, 2) + "/" + checksum.substring(2);
  }

  @Override
  public String toString() {
    return checksum + "/" + size;
  }
}
