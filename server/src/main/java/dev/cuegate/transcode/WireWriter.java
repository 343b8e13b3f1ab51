package dev.cuegate.transcode;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.FieldDescriptor.Type;
import com.google.protobuf.WireFormat;
import java.util.Arrays;

/**
 * Protobuf wire encoding into one growable array, with the same bytes as {@code
 * CodedOutputStream}.
 *
 * <p>A length-delimited record whose length is not known yet ({@link #beginLengthDelimited})
 * reserves one byte for it; {@link #endLengthDelimited} shifts the content right when the length
 * needs more. Most nested messages are under 128 bytes, and a shift moves each byte once per
 * enclosing record that outgrows its byte, where a buffer per level would copy every byte once
 * per level.
 */
final class WireWriter {
  private static final int INITIAL_CAPACITY = 4096;
  private static final int MAX_VARINT_SIZE = 10;

  private byte[] bytes = new byte[INITIAL_CAPACITY];
  private int size;

  void writeTag(int fieldNumber, int wireType) {
    writeUInt32((fieldNumber << 3) | wireType);
  }

  /** Opens a record of unknown length; pass the result to {@link #endLengthDelimited}. */
  int beginLengthDelimited(int fieldNumber) {
    writeTag(fieldNumber, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    ensure(1);
    return size++;
  }

  void endLengthDelimited(int mark) {
    int length = size - mark - 1;
    int lengthSize = uint32Size(length);
    if (lengthSize > 1) {
      ensure(lengthSize - 1);
      System.arraycopy(bytes, mark + 1, bytes, mark + lengthSize, length);
      size += lengthSize - 1;
    }
    int end = size;
    size = mark;
    writeUInt32(length);
    size = end;
  }

  /** A varint of the low 32 bits read as unsigned. */
  void writeUInt32(int value) {
    ensure(5);
    while ((value & ~0x7F) != 0) {
      bytes[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    bytes[size++] = (byte) value;
  }

  /** A varint of all 64 bits; negative int32 and enum values go here sign-extended. */
  void writeUInt64(long value) {
    ensure(MAX_VARINT_SIZE);
    while ((value & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    bytes[size++] = (byte) value;
  }

  void writeFixed32(int value) {
    ensure(4);
    for (int i = 0; i < 4; i++) {
      bytes[size++] = (byte) (value >>> (8 * i));
    }
  }

  void writeFixed64(long value) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      bytes[size++] = (byte) (value >>> (8 * i));
    }
  }

  /** A numeric, bool or enum value given as wire bits (see {@link JsonScalars}), without tag. */
  void writeScalar(Type type, long bits) {
    switch (type) {
      case INT32:
      case ENUM:
        // Negative values are sign-extended to ten bytes, as protobuf does.
        writeUInt64((int) bits);
        break;
      case SINT32:
        writeUInt32(CodedOutputStream.encodeZigZag32((int) bits));
        break;
      case UINT32:
        writeUInt32((int) bits);
        break;
      case FIXED32:
      case SFIXED32:
      case FLOAT:
        writeFixed32((int) bits);
        break;
      case INT64:
      case UINT64:
        writeUInt64(bits);
        break;
      case SINT64:
        writeUInt64(CodedOutputStream.encodeZigZag64(bits));
        break;
      case FIXED64:
      case SFIXED64:
      case DOUBLE:
        writeFixed64(bits);
        break;
      case BOOL:
        writeUInt32(bits != 0 ? 1 : 0);
        break;
      default:
        throw new IllegalStateException("not a numeric type: " + type);
    }
  }

  void writeByteArray(int fieldNumber, byte[] value) {
    writeTag(fieldNumber, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    writeUInt32(value.length);
    ensure(value.length);
    System.arraycopy(value, 0, bytes, size, value.length);
    size += value.length;
  }

  /**
   * A string field from UTF-16 chars, encoded without an intermediate {@code String}. As in
   * {@code CodedOutputStream} (which falls back to {@code String.getBytes}), an unpaired
   * surrogate becomes {@code '?'}.
   */
  void writeString(int fieldNumber, char[] chars, int offset, int length) {
    writeTag(fieldNumber, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    int lengthSize = uint32Size(length);
    // Room for the longest encoding (3 bytes a char) and its length, which goes in front once
    // it is known: each char takes at least one byte, so that length is never shorter.
    ensure(Math.addExact(5, Math.multiplyExact(3, length)));
    int mark = size;
    int start = mark + lengthSize;
    int end = Utf8Encoding.encode(chars, offset, length, bytes, start);
    int encoded = end - start;
    int encodedLengthSize = uint32Size(encoded);
    if (encodedLengthSize != lengthSize) {
      System.arraycopy(bytes, start, bytes, mark + encodedLengthSize, encoded);
    }
    size = mark;
    writeUInt32(encoded);
    size += encoded;
  }

  /** A copy of what was written. */
  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private static int uint32Size(int value) {
    if ((value & (~0 << 7)) == 0) {
      return 1;
    }
    if ((value & (~0 << 14)) == 0) {
      return 2;
    }
    if ((value & (~0 << 21)) == 0) {
      return 3;
    }
    if ((value & (~0 << 28)) == 0) {
      return 4;
    }
    return 5;
  }

  private void ensure(int extra) {
    int needed = Math.addExact(size, extra);
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
    }
  }
}
