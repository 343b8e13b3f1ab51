package dev.cuegate.rehearsal;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import java.util.List;

/**
 * Fills any message type with made-up values of every field, so that a rehearsal exercises each
 * kind of field the transcoder handles: strings, integers, floats, enums, maps, nested lists.
 */
final class SampleMessages {
  /** Deep enough for OpenCue's answers (response, sequence, entity, its parts); stops recursion. */
  private static final int MAX_DEPTH = 4;
  /** Elements of the lists below the outermost one. */
  private static final int INNER_ELEMENTS = 2;

  private SampleMessages() {}

  /** The wire bytes of a {@code type} whose outermost lists hold {@code elements} entries. */
  static byte[] wireBytes(Descriptor type, int elements) {
    return fill(type, 0, elements, true, 1).toByteArray();
  }

  private static DynamicMessage fill(
      Descriptor type, int depth, int elements, boolean outermost, int index) {
    DynamicMessage.Builder message = DynamicMessage.newBuilder(type);
    for (FieldDescriptor field : type.getFields()) {
      if (field.getRealContainingOneof() != null
          && field.getRealContainingOneof().getFields().get(0) != field) {
        continue;
      }
      if (field.isRepeated()) {
        boolean list = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isMapField();
        int count = list && outermost ? elements : INNER_ELEMENTS;
        for (int i = 0; i < count; i++) {
          Object value = value(field, depth, i, elements, outermost && !list);
          if (value != null) {
            message.addRepeatedField(field, value);
          }
        }
      } else {
        Object value = value(field, depth, index, elements, outermost);
        if (value != null) {
          message.setField(field, value);
        }
      }
    }
    return message.build();
  }

  private static Object value(
      FieldDescriptor field, int depth, int index, int elements, boolean outermost) {
    return switch (field.getJavaType()) {
      case MESSAGE ->
          depth + 1 < MAX_DEPTH
              ? fill(field.getMessageType(), depth + 1, elements, outermost, index)
              : null;
      case STRING -> field.getName() + "-" + index;
      case INT -> index * 7;
      case LONG -> 1_700_000_000L + index;
      case FLOAT -> index * 1.5f;
      case DOUBLE -> index * 2.25;
      case BOOLEAN -> index % 2 == 1;
      case BYTE_STRING -> ByteString.copyFromUtf8("bytes-" + index);
      case ENUM -> {
        List<EnumValueDescriptor> values = field.getEnumType().getValues();
        yield values.get(index % values.size());
      }
    };
  }
}
