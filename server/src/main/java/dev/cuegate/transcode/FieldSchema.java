package dev.cuegate.transcode;

import com.fasterxml.jackson.core.io.SerializedString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.Type;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.WireFormat;
import java.util.Locale;

/** What the transcoder needs to know about one field, computed once per field. */
final class FieldSchema {
  final int number;
  /** Position in declaration order, which is also the JSON output order. */
  final int index;
  final String jsonName;
  final String protoName;
  final SerializedString encodedName;
  final Type type;
  final boolean repeated;
  final boolean map;
  /** Repeated scalars that may arrive packed in one length-delimited record. */
  final boolean packable;
  /** Wire type of one (unpacked) value. */
  final int wireType;
  /** Index of the containing oneof (proto3 {@code optional} included), or -1. */
  final int oneofIndex;
  final String oneofName;
  /** Lower-case type name for messages to clients: {@code int32}, {@code enum}, ... */
  final String typeLabel;
  final EnumSchema enumSchema;
  /** Full name of the message type, for messages to clients; null for scalars. */
  final String messageTypeName;

  private final FieldDescriptor descriptor;
  private final SchemaRegistry registry;
  private volatile MessageSchema message;

  FieldSchema(FieldDescriptor field, SchemaRegistry registry) {
    this.descriptor = field;
    this.registry = registry;
    number = field.getNumber();
    index = field.getIndex();
    jsonName = field.getJsonName();
    protoName = field.getName();
    encodedName = new SerializedString(jsonName);
    type = field.getType();
    repeated = field.isRepeated();
    map = field.isMapField();
    packable = repeated && field.isPackable();
    wireType = wireTypeOf(type);
    OneofDescriptor oneof = field.getContainingOneof();
    oneofIndex = oneof == null ? -1 : oneof.getIndex();
    oneofName = oneof == null ? null : oneof.getName();
    typeLabel = type.name().toLowerCase(Locale.ROOT);
    enumSchema = type == Type.ENUM ? registry.enumeration(field.getEnumType()) : null;
    messageTypeName = type == Type.MESSAGE ? field.getMessageType().getFullName() : null;
  }

  /** The nested message's table (for map fields: the entry's). */
  MessageSchema message() {
    MessageSchema resolved = message;
    if (resolved == null) {
      resolved = registry.message(descriptor.getMessageType());
      message = resolved;
    }
    return resolved;
  }

  /** The key field of a map entry. */
  FieldSchema mapKey() {
    return message().fields[0];
  }

  /** The value field of a map entry. */
  FieldSchema mapValue() {
    return message().fields[1];
  }

  /** Whether a wire record of this type holds this field's data (else it is skipped). */
  boolean accepts(int recordWireType) {
    return recordWireType == wireType
        || (packable && recordWireType == WireFormat.WIRETYPE_LENGTH_DELIMITED);
  }

  /** Integer types whose wire bits are an unsigned number. */
  boolean isUnsigned() {
    return type == Type.UINT32 || type == Type.FIXED32 || type == Type.UINT64
        || type == Type.FIXED64;
  }

  private static int wireTypeOf(Type type) {
    switch (type) {
      case DOUBLE:
      case FIXED64:
      case SFIXED64:
        return WireFormat.WIRETYPE_FIXED64;
      case FLOAT:
      case FIXED32:
      case SFIXED32:
        return WireFormat.WIRETYPE_FIXED32;
      case STRING:
      case BYTES:
      case MESSAGE:
        return WireFormat.WIRETYPE_LENGTH_DELIMITED;
      case GROUP:
        return WireFormat.WIRETYPE_START_GROUP;
      default:
        return WireFormat.WIRETYPE_VARINT;
    }
  }
}
