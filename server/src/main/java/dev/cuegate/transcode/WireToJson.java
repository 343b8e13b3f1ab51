package dev.cuegate.transcode;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.FieldDescriptor.Type;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Writes one encoded message as grpc-gateway's JSON (docs/ARCHITECTURE.md, "JSON mapping"), straight from the wire bytes
 * to a streaming generator. Every field is emitted in declaration order, unpopulated ones with
 * their zero value; oneof members only when set. One instance per call.
 */
final class WireToJson {
  static final int MAX_DEPTH = 100;

  private static final SerializedString ZERO_STRING = new SerializedString("0");
  private static final SerializedString EMPTY_STRING = new SerializedString("");

  private final JsonGenerator json;
  private final FloatFormat floats = new FloatFormat();
  private final char[] digits = new char[20];
  private WireRecords[] levels = new WireRecords[8];

  WireToJson(JsonGenerator json) {
    this.json = json;
  }

  void write(MessageSchema schema, byte[] wire) throws IOException {
    writeMessage(schema, wire, 0, wire.length, 0);
  }

  private void writeMessage(MessageSchema schema, byte[] wire, int offset, int length, int depth)
      throws IOException {
    if (depth > MAX_DEPTH) {
      throw new TranscodeException("", "messages nested deeper than " + MAX_DEPTH + " levels");
    }
    WireRecords records = level(depth);
    records.scan(schema, wire, offset, length);
    json.writeStartObject();
    int record = 0;
    int count = records.size();
    for (FieldSchema field : schema.fields) {
      int first = record;
      while (record < count && records.field(record) == field.index) {
        record++;
      }
      if (field.oneofIndex >= 0 && records.oneofWinner(field.oneofIndex) != field.index) {
        continue;
      }
      json.writeFieldName(field.encodedName);
      if (field.map) {
        writeMap(field, records, first, record, wire, depth);
      } else if (field.repeated) {
        writeRepeated(field, records, first, record, wire, depth);
      } else if (first == record) {
        writeDefault(field);
      } else if (field.type == Type.MESSAGE) {
        writeSingularMessage(field, records, first, record, wire, depth);
      } else {
        int last = record - 1;
        writeScalar(field, records.value(last), wire);
      }
    }
    json.writeEndObject();
  }

  private WireRecords level(int depth) {
    if (depth == levels.length) {
      levels = Arrays.copyOf(levels, depth * 2);
    }
    WireRecords records = levels[depth];
    if (records == null) {
      records = new WireRecords();
      levels[depth] = records;
    }
    return records;
  }

  private void writeRepeated(
      FieldSchema field, WireRecords records, int first, int end, byte[] wire, int depth)
      throws IOException {
    json.writeStartArray();
    for (int record = first; record < end; record++) {
      long value = records.value(record);
      if (field.type == Type.MESSAGE) {
        writeMessage(
            field.message(), wire, WireRecords.offset(value), WireRecords.length(value), depth + 1);
      } else if (records.wireType(record) != field.wireType) {
        writePacked(field, wire, WireRecords.offset(value), WireRecords.length(value));
      } else {
        writeScalar(field, value, wire);
      }
    }
    json.writeEndArray();
  }

  private void writePacked(FieldSchema field, byte[] wire, int offset, int length)
      throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(wire, offset, length);
    try {
      while (!in.isAtEnd()) {
        writeScalar(field, WireRecords.readValue(in, field.wireType, offset), wire);
      }
    } catch (InvalidProtocolBufferException e) {
      throw new TranscodeException(
          "", "malformed packed field " + field.protoName + ": " + e.getMessage());
    }
  }

  /** Several records of one singular message field merge; their concatenation is that merge. */
  private void writeSingularMessage(
      FieldSchema field, WireRecords records, int first, int end, byte[] wire, int depth)
      throws IOException {
    if (end - first == 1) {
      long value = records.value(first);
      writeMessage(
          field.message(), wire, WireRecords.offset(value), WireRecords.length(value), depth + 1);
      return;
    }
    int total = 0;
    for (int record = first; record < end; record++) {
      total = Math.addExact(total, WireRecords.length(records.value(record)));
    }
    byte[] merged = new byte[total];
    int position = 0;
    for (int record = first; record < end; record++) {
      long value = records.value(record);
      int length = WireRecords.length(value);
      System.arraycopy(wire, WireRecords.offset(value), merged, position, length);
      position += length;
    }
    writeMessage(field.message(), merged, 0, total, depth + 1);
  }

  private void writeDefault(FieldSchema field) throws IOException {
    switch (field.type) {
      case MESSAGE:
        json.writeNull();
        break;
      case STRING:
      case BYTES:
        json.writeString(EMPTY_STRING);
        break;
      case BOOL:
        json.writeBoolean(false);
        break;
      case INT64:
      case UINT64:
      case SINT64:
      case FIXED64:
      case SFIXED64:
        json.writeString(ZERO_STRING);
        break;
      case ENUM:
        writeEnum(field, 0);
        break;
      default:
        json.writeNumber(0);
        break;
    }
  }

  /** Writes a non-message value given as read by {@link WireRecords#readValue}. */
  private void writeScalar(FieldSchema field, long value, byte[] wire) throws IOException {
    switch (field.type) {
      case INT32:
      case SFIXED32:
        json.writeNumber((int) value);
        break;
      case SINT32:
        json.writeNumber(CodedInputStream.decodeZigZag32((int) value));
        break;
      case UINT32:
      case FIXED32:
        json.writeNumber(value & 0xFFFFFFFFL);
        break;
      case INT64:
      case SFIXED64:
        writeDecimalString(value, false);
        break;
      case SINT64:
        writeDecimalString(CodedInputStream.decodeZigZag64(value), false);
        break;
      case UINT64:
      case FIXED64:
        writeDecimalString(value, true);
        break;
      case BOOL:
        json.writeBoolean(value != 0);
        break;
      case ENUM:
        writeEnum(field, (int) value);
        break;
      case FLOAT:
        writeFloat(Float.intBitsToFloat((int) value));
        break;
      case DOUBLE:
        writeDouble(Double.longBitsToDouble(value));
        break;
      case STRING:
        writeUtf8(field, wire, WireRecords.offset(value), WireRecords.length(value));
        break;
      case BYTES:
        json.writeBinary(
            Base64Variants.MIME_NO_LINEFEEDS,
            wire,
            WireRecords.offset(value),
            WireRecords.length(value));
        break;
      default:
        throw new IllegalStateException("not a scalar: " + field.type);
    }
  }

  private void writeUtf8(FieldSchema field, byte[] wire, int offset, int length)
      throws IOException {
    if (!Utf8Validation.isValid(wire, offset, length)) {
      throw new TranscodeException("", "invalid UTF-8 in string field " + field.protoName);
    }
    json.writeUTF8String(wire, offset, length);
  }

  private void writeEnum(FieldSchema field, int number) throws IOException {
    SerializedString name = field.enumSchema.name(number);
    if (name != null) {
      json.writeString(name);
    } else {
      json.writeNumber(number);
    }
  }

  private void writeFloat(float value) throws IOException {
    if (Float.isFinite(value)) {
      json.writeNumber(floats.chars(), 0, floats.formatFloat(value));
    } else {
      writeNonFinite(value);
    }
  }

  private void writeDouble(double value) throws IOException {
    if (Double.isFinite(value)) {
      json.writeNumber(floats.chars(), 0, floats.formatDouble(value));
    } else {
      writeNonFinite(value);
    }
  }

  private void writeNonFinite(double value) throws IOException {
    json.writeString(Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
  }

  /** 64-bit integers are JSON strings; formatted into a reused buffer to avoid garbage. */
  private void writeDecimalString(long value, boolean unsigned) throws IOException {
    int position = digits.length;
    long remaining = value;
    if (unsigned && remaining < 0) {
      long quotient = Long.divideUnsigned(remaining, 10);
      digits[--position] = (char) ('0' + (remaining - quotient * 10));
      remaining = quotient;
    }
    boolean negative = remaining < 0;
    // Counting in negatives covers Long.MIN_VALUE, which has no positive counterpart.
    long negated = negative ? remaining : -remaining;
    do {
      digits[--position] = (char) ('0' - (negated % 10));
      negated /= 10;
    } while (negated != 0);
    if (negative) {
      digits[--position] = '-';
    }
    json.writeString(digits, position, digits.length - position);
  }

  private void writeMap(
      FieldSchema field, WireRecords records, int first, int end, byte[] wire, int depth)
      throws IOException {
    FieldSchema key = field.mapKey();
    FieldSchema value = field.mapValue();
    List<MapEntry> entries = new ArrayList<>(end - first);
    for (int record = first; record < end; record++) {
      long slice = records.value(record);
      entries.add(
          MapEntry.read(field.message(), wire, WireRecords.offset(slice), WireRecords.length(slice)));
    }
    Comparator<MapEntry> order = comparator(key, wire);
    entries.sort(order);
    json.writeStartObject();
    for (int i = 0; i < entries.size(); i++) {
      MapEntry entry = entries.get(i);
      // The sort is stable, so of equal keys the last one on the wire comes last and wins.
      if (i + 1 < entries.size() && order.compare(entry, entries.get(i + 1)) == 0) {
        continue;
      }
      json.writeFieldName(keyText(key, entry, wire));
      if (!entry.hasValue) {
        if (value.type == Type.MESSAGE) {
          writeMessage(value.message(), wire, 0, 0, depth + 1);
        } else {
          writeDefault(value);
        }
      } else if (value.type == Type.MESSAGE) {
        writeMessage(
            value.message(),
            wire,
            WireRecords.offset(entry.value),
            WireRecords.length(entry.value),
            depth + 1);
      } else {
        writeScalar(value, entry.value, wire);
      }
    }
    json.writeEndObject();
  }

  /** Go's protojson order: bytes of string keys, numeric order of integers, false first. */
  private static Comparator<MapEntry> comparator(FieldSchema key, byte[] wire) {
    switch (key.type) {
      case STRING:
        return (a, b) ->
            Arrays.compareUnsigned(
                wire,
                WireRecords.offset(a.key),
                WireRecords.offset(a.key) + WireRecords.length(a.key),
                wire,
                WireRecords.offset(b.key),
                WireRecords.offset(b.key) + WireRecords.length(b.key));
      case UINT32:
      case FIXED32:
      case UINT64:
      case FIXED64:
      case BOOL:
        return (a, b) -> Long.compareUnsigned(a.key, b.key);
      default:
        return (a, b) -> Long.compare(a.key, b.key);
    }
  }

  private static String keyText(FieldSchema key, MapEntry entry, byte[] wire) {
    switch (key.type) {
      case STRING:
        int offset = WireRecords.offset(entry.key);
        int length = WireRecords.length(entry.key);
        if (!Utf8Validation.isValid(wire, offset, length)) {
          throw new TranscodeException("", "invalid UTF-8 in a map key");
        }
        return new String(wire, offset, length, StandardCharsets.UTF_8);
      case BOOL:
        return entry.key != 0 ? "true" : "false";
      case UINT32:
      case FIXED32:
      case UINT64:
      case FIXED64:
        return Long.toUnsignedString(entry.key);
      default:
        return Long.toString(entry.key);
    }
  }

  /** One decoded map entry; the key normalised so that it sorts as Go sorts it. */
  private static final class MapEntry {
    long key;
    long value;
    boolean hasValue;

    static MapEntry read(MessageSchema entryType, byte[] wire, int offset, int length) {
      FieldSchema keyField = entryType.fields[0];
      FieldSchema valueField = entryType.fields[1];
      MapEntry entry = new MapEntry();
      // The default key: 0, false, or the empty string (a zero-length slice).
      entry.key = keyField.type == Type.STRING ? (long) offset << 32 : 0;
      CodedInputStream in = CodedInputStream.newInstance(wire, offset, length);
      try {
        int tag;
        while ((tag = in.readTag()) != 0) {
          int number = WireFormat.getTagFieldNumber(tag);
          int wireType = WireFormat.getTagWireType(tag);
          if (number == 1 && wireType == keyField.wireType) {
            entry.key = normalizeKey(keyField.type, WireRecords.readValue(in, wireType, offset));
          } else if (number == 2 && wireType == valueField.wireType) {
            entry.value = WireRecords.readValue(in, wireType, offset);
            entry.hasValue = true;
          } else {
            WireRecords.skip(in, tag, entryType);
          }
        }
      } catch (InvalidProtocolBufferException e) {
        throw WireRecords.malformed(entryType, e.getMessage());
      } catch (IOException e) {
        throw new IllegalStateException("reading from a byte array cannot fail with I/O", e);
      }
      return entry;
    }

    private static long normalizeKey(Type type, long raw) {
      switch (type) {
        case INT32:
        case SFIXED32:
          return (int) raw;
        case SINT32:
          return CodedInputStream.decodeZigZag32((int) raw);
        case SINT64:
          return CodedInputStream.decodeZigZag64(raw);
        case UINT32:
        case FIXED32:
          return raw & 0xFFFFFFFFL;
        case BOOL:
          return raw != 0 ? 1 : 0;
        default:
          return raw;
      }
    }
  }
}
