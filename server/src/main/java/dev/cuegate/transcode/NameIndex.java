package dev.cuegate.transcode;

import java.util.Arrays;
import java.util.Map;

/**
 * An immutable map from names to values that is looked up with a slice of a char array, so
 * text still in the JSON parser's buffer needs no {@code String} to be found.
 */
final class NameIndex<V> {
  /** Open addressing with linear probing; a table at most half full keeps probes short. */
  private final char[][] keys;
  private final Object[] values;
  private final int mask;

  /** Indexes a copy of {@code entries}. */
  NameIndex(Map<String, V> entries) {
    int capacity = Integer.highestOneBit(Math.max(entries.size(), 1) * 2 - 1) << 1;
    keys = new char[capacity][];
    values = new Object[capacity];
    mask = capacity - 1;
    for (Map.Entry<String, V> entry : entries.entrySet()) {
      char[] key = entry.getKey().toCharArray();
      int slot = hash(key, 0, key.length) & mask;
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = key;
      values[slot] = entry.getValue();
    }
  }

  /** The value of the name in {@code chars[offset, offset + length)}, or null. */
  @SuppressWarnings("unchecked") // Only values of type V are stored.
  V get(char[] chars, int offset, int length) {
    int slot = hash(chars, offset, length) & mask;
    char[] key;
    while ((key = keys[slot]) != null) {
      if (Arrays.equals(key, 0, key.length, chars, offset, offset + length)) {
        return (V) values[slot];
      }
      slot = (slot + 1) & mask;
    }
    return null;
  }

  private static int hash(char[] chars, int offset, int length) {
    int hash = 0;
    for (int i = offset; i < offset + length; i++) {
      hash = 31 * hash + chars[i];
    }
    // Spread the high bits into the ones the mask keeps.
    return hash ^ (hash >>> 16);
  }
}
