package dev.cuegate.transcode;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Random, populated messages of any type, with a bias towards the values that are hard to map. */
final class RandomMessages {
  private static final int MAX_DEPTH = 3;
  private static final String[] STRING_PARTS = {
    "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u0000", "\u001f", "\u007f", "é", "日本",
    "\u2028", "😀", "testing-", "<&>"
  };
  private static final float[] FLOATS = {
    0f, -0f, 0.1f, 1f, -1.5f, 100000f, 1e21f, 1e-7f, 1e-6f, 3.4028235e38f, Float.MIN_VALUE,
    Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY
  };
  private static final double[] DOUBLES = {
    0d, -0d, 0.1, 1d, 1e21, 1e20, 1e-7, 1e-6, 123456789.125, Double.MAX_VALUE, Double.MIN_VALUE,
    Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY
  };
  private static final long[] LONGS = {
    0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 0xFFFFFFFFL
  };

  private final Random random;

  RandomMessages(long seed) {
    random = new Random(seed);
  }

  DynamicMessage next(Descriptor type) {
    return next(type, 0);
  }

  private DynamicMessage next(Descriptor type, int depth) {
    DynamicMessage.Builder message = DynamicMessage.newBuilder(type);
    for (FieldDescriptor field : type.getFields()) {
      if (field.getContainingOneof() != null) {
        continue;
      }
      if (field.isMapField()) {
        addMapEntries(message, field, depth);
      } else if (field.isRepeated()) {
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
          Object value = value(field, depth);
          if (value != null) {
            message.addRepeatedField(field, value);
          }
        }
      } else if (random.nextInt(10) < 6) {
        Object value = value(field, depth);
        if (value != null) {
          message.setField(field, value);
        }
      }
    }
    for (OneofDescriptor oneof : type.getOneofs()) {
      int choice = random.nextInt(oneof.getFieldCount() + 1);
      if (choice < oneof.getFieldCount()) {
        FieldDescriptor member = oneof.getField(choice);
        Object value = value(member, depth);
        if (value != null) {
          message.setField(member, value);
        }
      }
    }
    return message.build();
  }

  private void addMapEntries(DynamicMessage.Builder message, FieldDescriptor field, int depth) {
    Descriptor entryType = field.getMessageType();
    FieldDescriptor key = entryType.findFieldByNumber(1);
    FieldDescriptor value = entryType.findFieldByNumber(2);
    int count = random.nextInt(4);
    Set<Object> keys = new HashSet<>();
    for (int i = 0; i < count; i++) {
      Object keyValue = scalar(key);
      Object valueValue = value(value, depth);
      if (valueValue == null || !keys.add(keyValue)) {
        continue;
      }
      message.addRepeatedField(
          field,
          DynamicMessage.newBuilder(entryType)
              .setField(key, keyValue)
              .setField(value, valueValue)
              .build());
    }
  }

  /** A value for the field, or null when the nesting is deep enough. */
  private Object value(FieldDescriptor field, int depth) {
    if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      return depth < MAX_DEPTH ? next(field.getMessageType(), depth + 1) : null;
    }
    return scalar(field);
  }

  private Object scalar(FieldDescriptor field) {
    switch (field.getJavaType()) {
      case INT:
        return (int) integer();
      case LONG:
        return integer();
      case FLOAT:
        return random.nextBoolean()
            ? FLOATS[random.nextInt(FLOATS.length)]
            : finiteFloat(Float.intBitsToFloat(random.nextInt()));
      case DOUBLE:
        return random.nextBoolean()
            ? DOUBLES[random.nextInt(DOUBLES.length)]
            : finiteDouble(Double.longBitsToDouble(random.nextLong()));
      case BOOLEAN:
        return random.nextBoolean();
      case STRING:
        return string();
      case BYTE_STRING:
        byte[] bytes = new byte[random.nextInt(7)];
        random.nextBytes(bytes);
        return ByteString.copyFrom(bytes);
      case ENUM:
        EnumDescriptor type = field.getEnumType();
        if (random.nextInt(8) == 0) {
          return type.findValueByNumberCreatingIfUnknown(1000 + random.nextInt(5));
        }
        return type.getValues().get(random.nextInt(type.getValues().size()));
      default:
        throw new IllegalArgumentException(field.getFullName());
    }
  }

  private long integer() {
    switch (random.nextInt(3)) {
      case 0:
        return LONGS[random.nextInt(LONGS.length)];
      case 1:
        return random.nextInt(1000);
      default:
        return random.nextLong();
    }
  }

  private static float finiteFloat(float value) {
    return Float.isNaN(value) ? 0.5f : value;
  }

  private static double finiteDouble(double value) {
    return Double.isNaN(value) ? 0.25 : value;
  }

  private String string() {
    int parts = random.nextInt(5);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < parts; i++) {
      text.append(STRING_PARTS[random.nextInt(STRING_PARTS.length)]);
    }
    return text.toString();
  }

  static List<Descriptor> types() {
    return TestSchemas.allMessageTypes();
  }
}
