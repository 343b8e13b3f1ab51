package dev.cuegate.transcode;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Shortcuts for building {@code cgtest.AllTypes} messages and running the codec on them. */
final class AllTypesFixture {
  static final Descriptor TYPE = TestSchemas.ALL_TYPES;
  private static final Transcoder TRANSCODER = Transcoder.create();

  private AllTypesFixture() {}

  static FieldDescriptor field(String name) {
    return field(TYPE, name);
  }

  static FieldDescriptor field(Descriptor type, String name) {
    FieldDescriptor field = type.findFieldByName(name);
    if (field == null) {
      throw new IllegalArgumentException(name);
    }
    return field;
  }

  static DynamicMessage.Builder builder() {
    return DynamicMessage.newBuilder(TYPE);
  }

  static DynamicMessage with(String name, Object value) {
    return builder().setField(field(name), value).build();
  }

  static DynamicMessage mapEntry(String mapField, Object key, Object value) {
    Descriptor entry = field(mapField).getMessageType();
    return DynamicMessage.newBuilder(entry)
        .setField(entry.findFieldByNumber(1), key)
        .setField(entry.findFieldByNumber(2), value)
        .build();
  }

  static String toJson(Descriptor type, byte[] wire) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      TRANSCODER.codec(type).toJson(wire, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static String toJson(DynamicMessage message) {
    return toJson(message.getDescriptorForType(), message.toByteArray());
  }

  static byte[] toProto(Descriptor type, String json, List<String> unknownFields) {
    return TRANSCODER
        .codec(type)
        .toProto(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), unknownFields);
  }
}
