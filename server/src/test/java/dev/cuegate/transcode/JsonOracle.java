package dev.cuegate.transcode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * protobuf-java's JsonFormat as the oracle for the JSON mapping (docs/ARCHITECTURE.md), and a normal form in which its
 * output and ours can be compared as trees: unset message fields as null, integers as exact
 * decimals, floats as the float32 (or float64) value they denote.
 */
final class JsonOracle {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().alwaysPrintFieldsWithNoPresence().omittingInsignificantWhitespace();

  private JsonOracle() {}

  static String oracleJson(Message message) {
    try {
      return PRINTER.print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  static String ourJson(Message message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Transcoder.create()
          .codec(message.getDescriptorForType())
          .toJson(message.toByteArray(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The normal form of a message object of {@code type}. */
  static JsonNode normalize(JsonNode node, Descriptor type) {
    if (!node.isObject()) {
      return node;
    }
    ObjectNode out = NODES.objectNode();
    for (FieldDescriptor field : type.getFields()) {
      JsonNode value = node.get(field.getJsonName());
      if (value == null) {
        boolean impliedNull =
            field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                && !field.isRepeated()
                && field.getContainingOneof() == null;
        if (impliedNull) {
          out.putNull(field.getJsonName());
        }
        continue;
      }
      out.set(field.getJsonName(), normalizeField(field, value));
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (!out.has(field.getKey()) && type.findFieldByName(field.getKey()) == null) {
        out.set("unexpected:" + field.getKey(), field.getValue());
      }
    }
    return out;
  }

  private static JsonNode normalizeField(FieldDescriptor field, JsonNode value) {
    if (field.isMapField() && value.isObject()) {
      FieldDescriptor valueField = field.getMessageType().findFieldByNumber(2);
      ObjectNode out = NODES.objectNode();
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        out.set(entry.getKey(), normalizeSingle(valueField, entry.getValue()));
      }
      return out;
    }
    if (field.isRepeated() && value.isArray()) {
      ArrayNode out = NODES.arrayNode();
      value.forEach(element -> out.add(normalizeSingle(field, element)));
      return out;
    }
    return normalizeSingle(field, value);
  }

  private static JsonNode normalizeSingle(FieldDescriptor field, JsonNode value) {
    switch (field.getType()) {
      case MESSAGE:
        return value.isNull() ? value : normalize(value, field.getMessageType());
      // A tree reads "-0" as the integer 0, so the sign of zero is left to the round trip tests.
      case FLOAT:
        return value.isNumber()
            ? NODES.textNode("float " + ((float) value.doubleValue() + 0.0f))
            : value;
      case DOUBLE:
        return value.isNumber()
            ? NODES.textNode("double " + (value.doubleValue() + 0.0))
            : value;
      case ENUM:
      case BOOL:
      case STRING:
      case BYTES:
        return value;
      default:
        // Integers: the same number whether written as a JSON number or a string.
        return value.isNumber() || value.isTextual()
            ? NODES.textNode("integer " + new BigDecimal(value.asText()).toBigIntegerExact())
            : value;
    }
  }

  /** True when every object's keys in {@code node} come in the declaration order of its type. */
  static boolean inDeclarationOrder(JsonNode node, Descriptor type) {
    if (!node.isObject()) {
      return true;
    }
    int previous = -1;
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      FieldDescriptor field = findByJsonName(type, entry.getKey());
      if (field == null || field.getIndex() <= previous) {
        return false;
      }
      previous = field.getIndex();
      if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        Descriptor nested = field.getMessageType();
        if (field.isMapField()) {
          FieldDescriptor valueField = nested.findFieldByNumber(2);
          if (valueField.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            for (JsonNode value : entry.getValue()) {
              if (!inDeclarationOrder(value, valueField.getMessageType())) {
                return false;
              }
            }
          }
        } else if (field.isRepeated()) {
          for (JsonNode element : entry.getValue()) {
            if (!inDeclarationOrder(element, nested)) {
              return false;
            }
          }
        } else if (!inDeclarationOrder(entry.getValue(), nested)) {
          return false;
        }
      }
    }
    return true;
  }

  private static FieldDescriptor findByJsonName(Descriptor type, String name) {
    for (FieldDescriptor field : type.getFields()) {
      if (field.getJsonName().equals(name)) {
        return field;
      }
    }
    return null;
  }
}
