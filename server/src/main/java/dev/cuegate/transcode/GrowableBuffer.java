package dev.cuegate.transcode;

import java.io.OutputStream;
import java.util.Arrays;

/** An unsynchronised byte sink whose array is reused after {@link #reset()}. */
final class GrowableBuffer extends OutputStream {
  private byte[] bytes = new byte[256];
  private int size;

  @Override
  public void write(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] source, int offset, int length) {
    ensure(length);
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
  }

  byte[] array() {
    return bytes;
  }

  int size() {
    return size;
  }

  void reset() {
    size = 0;
  }

  private void ensure(int extra) {
    int needed = Math.addExact(size, extra);
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
    }
  }
}
