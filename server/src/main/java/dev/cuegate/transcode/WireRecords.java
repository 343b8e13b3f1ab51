package dev.cuegate.transcode;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.Arrays;

/**
 * The known-field records of one encoded message, grouped by field in declaration order.
 *
 * <p>One pass reads every tag and keeps each record's value (varints and fixed values decoded,
 * length-delimited ones as offset and length into the buffer), so the JSON writer can emit
 * fields in declaration order whatever order the wire had, and can tell the last of several
 * records of a singular field. Records of one field keep their wire order. One instance per
 * nesting level is reused for every message at that level.
 */
final class WireRecords {
  private static final int MAX_GROUP_DEPTH = 100;

  /** Declaration index of the record's field, shifted left by 3, plus the wire type. */
  private int[] keys = new int[16];
  private long[] values = new long[16];
  private int size;
  private int[] oneofWinners = new int[4];
  private int[] sortKeys = new int[0];
  private long[] sortValues = new long[0];
  private int[] counts = new int[0];

  int size() {
    return size;
  }

  int field(int record) {
    return keys[record] >>> 3;
  }

  int wireType(int record) {
    return keys[record] & 7;
  }

  long value(int record) {
    return values[record];
  }

  static int offset(long lengthDelimited) {
    return (int) (lengthDelimited >>> 32);
  }

  static int length(long lengthDelimited) {
    return (int) lengthDelimited;
  }

  /** The declaration index of the member of this oneof that was set last, or -1. */
  int oneofWinner(int oneof) {
    return oneofWinners[oneof];
  }

  /**
   * Reads the records of one message from {@code wire[offset, offset + length)}.
   *
   * @throws TranscodeException when the bytes are not a valid encoding
   */
  void scan(MessageSchema schema, byte[] wire, int offset, int length) {
    size = 0;
    if (oneofWinners.length < schema.oneofCount) {
      oneofWinners = new int[schema.oneofCount];
    }
    Arrays.fill(oneofWinners, 0, schema.oneofCount, -1);
    boolean ordered = true;
    int previous = -1;
    CodedInputStream in = CodedInputStream.newInstance(wire, offset, length);
    try {
      int tag;
      while ((tag = in.readTag()) != 0) {
        int wireType = WireFormat.getTagWireType(tag);
        FieldSchema field = schema.fieldByNumber(WireFormat.getTagFieldNumber(tag));
        if (field == null || !field.accepts(wireType)) {
          skip(in, tag, schema);
          continue;
        }
        add(field.index, wireType, readValue(in, wireType, offset));
        ordered &= field.index >= previous;
        previous = field.index;
        if (field.oneofIndex >= 0) {
          oneofWinners[field.oneofIndex] = field.index;
        }
      }
    } catch (InvalidProtocolBufferException e) {
      throw malformed(schema, e.getMessage());
    } catch (IOException e) {
      throw new IllegalStateException("reading from a byte array cannot fail with I/O", e);
    }
    if (!ordered) {
      sortByField(schema.fields.length);
    }
  }

  static TranscodeException malformed(MessageSchema schema, String detail) {
    return new TranscodeException("", "malformed " + schema.fullName + " message: " + detail);
  }

  /** Reads one value; length-delimited values become offset (absolute) and length. */
  static long readValue(CodedInputStream in, int wireType, int bufferOffset) throws IOException {
    switch (wireType) {
      case WireFormat.WIRETYPE_VARINT:
        return in.readRawVarint64();
      case WireFormat.WIRETYPE_FIXED64:
        return in.readRawLittleEndian64();
      case WireFormat.WIRETYPE_FIXED32:
        return in.readRawLittleEndian32() & 0xFFFFFFFFL;
      case WireFormat.WIRETYPE_LENGTH_DELIMITED:
        int length = in.readRawVarint32();
        int position = bufferOffset + in.getTotalBytesRead();
        in.skipRawBytes(length);
        return ((long) position << 32) | (length & 0xFFFFFFFFL);
      default:
        throw new InvalidProtocolBufferException("unexpected wire type " + wireType);
    }
  }

  /**
   * Skips a record the schema does not know. Groups are skipped here, without recursion, so that
   * deeply nested group markers cannot exhaust the stack.
   */
  static void skip(CodedInputStream in, int tag, MessageSchema schema) throws IOException {
    int wireType = WireFormat.getTagWireType(tag);
    if (wireType == WireFormat.WIRETYPE_END_GROUP) {
      throw malformed(schema, "unexpected end-group tag");
    }
    if (wireType != WireFormat.WIRETYPE_START_GROUP) {
      in.skipField(tag);
      return;
    }
    int[] open = new int[MAX_GROUP_DEPTH];
    int depth = 0;
    open[depth++] = WireFormat.getTagFieldNumber(tag);
    while (depth > 0) {
      int next = in.readTag();
      if (next == 0) {
        throw malformed(schema, "group not closed");
      }
      int nextType = WireFormat.getTagWireType(next);
      int number = WireFormat.getTagFieldNumber(next);
      if (nextType == WireFormat.WIRETYPE_START_GROUP) {
        if (depth == MAX_GROUP_DEPTH) {
          throw malformed(schema, "groups nested deeper than " + MAX_GROUP_DEPTH);
        }
        open[depth++] = number;
      } else if (nextType == WireFormat.WIRETYPE_END_GROUP) {
        if (open[--depth] != number) {
          throw malformed(schema, "mismatched end-group tag");
        }
      } else {
        in.skipField(next);
      }
    }
  }

  private void add(int fieldIndex, int wireType, long value) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    keys[size] = (fieldIndex << 3) | wireType;
    values[size] = value;
    size++;
  }

  /** Stable counting sort by declaration index: records of one field keep their wire order. */
  private void sortByField(int fieldCount) {
    if (counts.length < fieldCount + 1) {
      counts = new int[fieldCount + 1];
    }
    Arrays.fill(counts, 0, fieldCount + 1, 0);
    for (int i = 0; i < size; i++) {
      counts[field(i) + 1]++;
    }
    for (int f = 0; f < fieldCount; f++) {
      counts[f + 1] += counts[f];
    }
    if (sortKeys.length < size) {
      sortKeys = new int[keys.length];
      sortValues = new long[keys.length];
    }
    for (int i = 0; i < size; i++) {
      int target = counts[field(i)]++;
      sortKeys[target] = keys[i];
      sortValues[target] = values[i];
    }
    System.arraycopy(sortKeys, 0, keys, 0, size);
    System.arraycopy(sortValues, 0, values, 0, size);
  }
}
