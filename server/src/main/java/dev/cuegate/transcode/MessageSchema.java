package dev.cuegate.transcode;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Lookup tables for one message type: fields in declaration order, by number and by name. */
final class MessageSchema {
  /** Field numbers up to this are looked up in an array; higher ones in a map. */
  private static final int DENSE_LIMIT = 512;

  final String fullName;
  /** Declaration order (OpenCue's .proto files declare fields in number order). */
  final FieldSchema[] fields;
  final int oneofCount;

  private final FieldSchema[] byNumber;
  private final Map<Integer, FieldSchema> byLargeNumber = new HashMap<>();
  private final Map<String, FieldSchema> byName = new HashMap<>();

  MessageSchema(Descriptor type, SchemaRegistry registry) {
    fullName = type.getFullName();
    List<FieldDescriptor> declared = type.getFields();
    fields = new FieldSchema[declared.size()];
    int maxDense = 0;
    for (FieldDescriptor field : declared) {
      if (field.getNumber() < DENSE_LIMIT) {
        maxDense = Math.max(maxDense, field.getNumber());
      }
    }
    byNumber = new FieldSchema[maxDense + 1];
    for (FieldDescriptor field : declared) {
      FieldSchema schema = new FieldSchema(field, registry);
      fields[schema.index] = schema;
      if (schema.number < DENSE_LIMIT) {
        byNumber[schema.number] = schema;
      } else {
        byLargeNumber.put(schema.number, schema);
      }
    }
    for (FieldSchema field : fields) {
      byName.putIfAbsent(field.jsonName, field);
    }
    for (FieldSchema field : fields) {
      byName.putIfAbsent(field.protoName, field);
    }
    oneofCount = type.getOneofs().size();
  }

  /** The field with this number, or null for an unknown one. */
  FieldSchema fieldByNumber(int number) {
    if (number < byNumber.length) {
      return byNumber[number];
    }
    return byLargeNumber.isEmpty() ? null : byLargeNumber.get(number);
  }

  /** The field declared after {@code field} (the first for null), or null after the last. */
  FieldSchema next(FieldSchema field) {
    int index = field == null ? 0 : field.index + 1;
    return index < fields.length ? fields[index] : null;
  }

  /** The field with this JSON or proto name, or null for an unknown one. */
  FieldSchema fieldByName(String name) {
    return byName.get(name);
  }
}
