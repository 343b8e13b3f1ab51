package dev.cuegate.transcode;

import java.util.Arrays;

/**
 * Where the reader is in the client's JSON ({@code r.shows[1]}), kept as a stack and rendered
 * only when a warning or an error needs it.
 */
final class JsonPath {
  private String[] names = new String[16];
  private int[] indexes = new int[16];
  private int size;

  void push(String name) {
    grow();
    names[size] = name;
    indexes[size] = -1;
    size++;
  }

  void pushIndex(int index) {
    grow();
    names[size] = null;
    indexes[size] = index;
    size++;
  }

  void pop() {
    size--;
    names[size] = null;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < size; i++) {
      if (names[i] == null) {
        text.append('[').append(indexes[i]).append(']');
      } else {
        if (text.length() > 0) {
          text.append('.');
        }
        text.append(names[i]);
      }
    }
    return text.toString();
  }

  private void grow() {
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      indexes = Arrays.copyOf(indexes, size * 2);
    }
  }
}
