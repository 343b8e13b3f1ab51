package dev.cuegate.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * JSON Schemas of protobuf messages and enums as the gateway renders them (docs/ARCHITECTURE.md, "JSON mapping"), collected
 * as {@code components/schemas} named by full protobuf name.
 */
final class MessageSchemas {
  static final String PREFIX = "#/components/schemas/";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ProtoComments comments;
  private final Map<String, ObjectNode> schemas = new TreeMap<>();
  private final Set<String> seen = new HashSet<>();

  MessageSchemas(ProtoComments comments) {
    this.comments = comments;
  }

  /** A {@code $ref} to the message's schema, which is added with everything it refers to. */
  ObjectNode ref(Descriptor message) {
    if (seen.add(message.getFullName())) {
      schemas.put(message.getFullName(), message(message));
    }
    return refTo(message.getFullName());
  }

  /** Every schema referred to so far, sorted by name. */
  ObjectNode components() {
    ObjectNode all = JSON.objectNode();
    schemas.forEach(all::set);
    return all;
  }

  static ObjectNode refTo(String name) {
    return JSON.objectNode().put("$ref", PREFIX + name);
  }

  private ObjectNode message(Descriptor message) {
    ObjectNode schema = JSON.objectNode().put("type", "object");
    comments.of(message).ifPresent(text -> schema.put("description", text));
    ObjectNode properties = schema.putObject("properties");
    for (FieldDescriptor field : message.getFields()) {
      ObjectNode property = field(field);
      comments.of(field).ifPresent(text -> property.put("description", text));
      properties.set(field.getJsonName(), property);
    }
    return schema;
  }

  private ObjectNode field(FieldDescriptor field) {
    if (field.isMapField()) {
      Descriptor entry = field.getMessageType();
      ObjectNode map = JSON.objectNode().put("type", "object");
      map.set("additionalProperties", singular(entry.findFieldByNumber(2)));
      return map;
    }
    if (field.isRepeated()) {
      ObjectNode array = JSON.objectNode().put("type", "array");
      array.set("items", singular(field));
      return array;
    }
    if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
        && field.getContainingOneof() == null) {
      // Unset message fields are rendered as null; unset oneof members (proto3 optional
      // included) are left out instead.
      ObjectNode nullable = JSON.objectNode();
      nullable.putArray("oneOf").add(singular(field)).add(JSON.objectNode().put("type", "null"));
      return nullable;
    }
    return singular(field);
  }

  private ObjectNode singular(FieldDescriptor field) {
    return switch (field.getType()) {
      case INT64, SINT64, SFIXED64 -> string("int64");
      case UINT64, FIXED64 -> string("uint64");
      case INT32, SINT32, SFIXED32 -> integer("int32");
      case UINT32, FIXED32 -> integer("uint32").put("minimum", 0);
      case FLOAT -> floating("float");
      case DOUBLE -> floating("double");
      case BOOL -> JSON.objectNode().put("type", "boolean");
      case STRING -> JSON.objectNode().put("type", "string");
      case BYTES -> string("byte");
      case ENUM -> enumRef(field.getEnumType());
      case MESSAGE, GROUP -> ref(field.getMessageType());
    };
  }

  private ObjectNode enumRef(EnumDescriptor enumType) {
    if (seen.add(enumType.getFullName())) {
      ObjectNode schema = JSON.objectNode().put("type", "string");
      ArrayNode names = schema.putArray("enum");
      enumType.getValues().stream().map(EnumValueDescriptor::getName).forEach(names::add);
      describe(enumType).ifPresent(text -> schema.put("description", text));
      schemas.put(enumType.getFullName(), schema);
    }
    return refTo(enumType.getFullName());
  }

  private Optional<String> describe(EnumDescriptor enumType) {
    StringBuilder text = new StringBuilder(comments.of(enumType).orElse(""));
    comments
        .values(enumType)
        .forEach(
            (name, comment) ->
                text.append(text.length() == 0 ? "" : "\n\n")
                    .append("`")
                    .append(name)
                    .append("`: ")
                    .append(comment));
    return text.length() == 0 ? Optional.empty() : Optional.of(text.toString());
  }

  private static ObjectNode string(String format) {
    return JSON.objectNode().put("type", "string").put("format", format);
  }

  private static ObjectNode integer(String format) {
    return JSON.objectNode().put("type", "integer").put("format", format);
  }

  /** Numbers, except the three values JSON numbers cannot hold, which are strings. */
  private static ObjectNode floating(String format) {
    ObjectNode schema = JSON.objectNode();
    ArrayNode oneOf = schema.putArray("oneOf");
    oneOf.add(JSON.objectNode().put("type", "number").put("format", format));
    ArrayNode specials = oneOf.addObject().put("type", "string").putArray("enum");
    specials.add("NaN").add("Infinity").add("-Infinity");
    return schema;
  }
}
