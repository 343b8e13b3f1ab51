package dev.cuegate.rehearsal;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import java.util.List;

/**
 * Fills any message type with made-up values, so that a rehearsal exercises each kind of field the
 * transcoder handles: strings, integers, floats, enums, maps, nested lists.
 *
 * <p>The values vary the way Cuebot's do, because the JVM keeps the rehearsal's profile and
 * compiles from it: a branch the rehearsal never took counts as one that does not happen. So some
 * fields of each element are left at their default, some strings need escaping or are not ASCII,
 * and numbers are negative, large or fractional in turn.
 */
final class SampleMessages {
  /** Deep enough for OpenCue's answers (response, sequence, entity, its parts); stops recursion. */
  private static final int MAX_DEPTH = 4;
  /** Elements of the lists below the outermost one. */
  private static final int INNER_ELEMENTS = 2;
  /** One field in this many of an element is left at its default, a different one each element. */
  private static final int DEFAULT_EVERY = 4;

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
      } else if ((index + field.getNumber()) % DEFAULT_EVERY != 0) {
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
    int variant = (index + field.getNumber()) % 5;
    return switch (field.getJavaType()) {
      case MESSAGE ->
          depth + 1 < MAX_DEPTH
              ? fill(field.getMessageType(), depth + 1, elements, outermost, index)
              : null;
      case STRING -> switch (variant) {
        case 0 -> "say \"" + field.getName() + "\"\tline\\" + index + "\n";
        case 1 -> field.getName() + "-é-日本-" + index;
        default -> field.getName() + "-" + index;
      };
      case INT -> switch (variant) {
        case 0 -> -index;
        case 1 -> Integer.MAX_VALUE - index;
        default -> index * 7;
      };
      case LONG -> switch (variant) {
        case 0 -> -1L - index;
        case 1 -> 68_719_476_736L * (index + 1);
        default -> 1_700_000_000L + index;
      };
      case FLOAT -> switch (variant) {
        case 0 -> index * 0.1f;
        case 1 -> -index * 1e-7f;
        case 2 -> index * 123_456.79f;
        default -> index * 1.5f;
      };
      case DOUBLE -> switch (variant) {
        case 0 -> index * 0.1;
        case 1 -> -index * 1e-9;
        case 2 -> index * 1e12 / 3;
        default -> index * 2.25;
      };
      case BOOLEAN -> index % 2 == 1;
      case BYTE_STRING -> ByteString.copyFromUtf8("bytes-" + index);
      case ENUM -> {
        List<EnumValueDescriptor> values = field.getEnumType().getValues();
        yield values.get(index % values.size());
      }
    };
  }
}
