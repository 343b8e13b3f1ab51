package dev.cuegate.transcode;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds each message's and enum's lookup tables once, on first use, and shares them between
 * threads. Nested message tables are resolved lazily so that recursive types need no special
 * care.
 */
final class SchemaRegistry {
  private final ConcurrentHashMap<Descriptor, MessageSchema> messages = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<EnumDescriptor, EnumSchema> enums = new ConcurrentHashMap<>();

  MessageSchema message(Descriptor type) {
    MessageSchema schema = messages.get(type);
    return schema != null ? schema : messages.computeIfAbsent(type, t -> new MessageSchema(t, this));
  }

  EnumSchema enumeration(EnumDescriptor type) {
    EnumSchema schema = enums.get(type);
    return schema != null ? schema : enums.computeIfAbsent(type, EnumSchema::new);
  }
}
