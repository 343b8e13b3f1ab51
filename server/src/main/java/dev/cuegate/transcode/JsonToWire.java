package dev.cuegate.transcode;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads one JSON document with a streaming parser and encodes it as protobuf wire bytes.
 *
 * <p>Everything is encoded into one {@link WireWriter}, nested messages in place; each nesting
 * level keeps only the bookkeeping of the message being read. Unknown fields are skipped and
 * reported by path; anything else that does not fit the schema is a {@link TranscodeException}
 * naming the path. One instance per call.
 */
final class JsonToWire {
  static final int MAX_DEPTH = 100;
  private static final Pattern START_MARKER =
      Pattern.compile(" ?\\(start marker at \\[[^\\]]*\\]\\)");

  private final JsonParser in;
  private final List<String> unknownFields;
  private final JsonPath path = new JsonPath();
  private final WireWriter out = new WireWriter();
  private Level[] levels = new Level[8];

  JsonToWire(JsonParser in, List<String> unknownFields) {
    this.in = in;
    this.unknownFields = unknownFields;
  }

  /** Reads the whole document; an empty one is {@code {}}. */
  byte[] read(MessageSchema schema) throws IOException {
    try {
      JsonToken first = in.nextToken();
      if (first == null) {
        return new byte[0];
      }
      if (first != JsonToken.START_OBJECT) {
        throw new TranscodeException(
            "", "expected a JSON object, got " + JsonScalars.describe(first));
      }
      readObject(schema, 0);
      if (in.nextToken() != null) {
        throw new TranscodeException("", "unexpected content after the JSON object");
      }
      return out.toByteArray();
    } catch (JsonProcessingException e) {
      throw new TranscodeException(brokenAt(), "malformed JSON: " + describe(e), e);
    }
  }

  /**
   * The parser's own context locates a syntax error more precisely than {@link #path}: it
   * already knows the field name or array position it was about to read a value for.
   */
  private String brokenAt() {
    Deque<String> segments = new ArrayDeque<>();
    for (JsonStreamContext context = in.getParsingContext();
        context != null && !context.inRoot();
        context = context.getParent()) {
      if (context.inArray()) {
        segments.push("[" + Math.max(context.getCurrentIndex(), 0) + "]");
      } else if (context.getCurrentName() != null) {
        segments.push(context.getCurrentName());
      }
    }
    StringBuilder text = new StringBuilder();
    for (String segment : segments) {
      if (text.length() > 0 && !segment.startsWith("[")) {
        text.append('.');
      }
      text.append(segment);
    }
    return text.toString();
  }

  /** Jackson's description, without the source excerpt it embeds for unclosed structures. */
  private static String describe(JsonProcessingException e) {
    String message = START_MARKER.matcher(e.getOriginalMessage()).replaceAll("");
    JsonLocation location = e.getLocation();
    if (location == null || location.getLineNr() < 0) {
      return message;
    }
    return message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  /** Reads an object whose START_OBJECT is the current token. */
  private void readObject(MessageSchema schema, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new TranscodeException(
          path.toString(), "JSON objects nested deeper than " + MAX_DEPTH + " levels");
    }
    Level level = level(depth);
    level.begin(schema);
    FieldSchema expected = schema.next(null);
    while (true) {
      // Clients, and this gateway's own answers, mostly list fields in declaration order: a
      // name that matches the expected one is recognised from its bytes, with no hash lookup.
      boolean asExpected = expected != null && in.nextFieldName(expected.encodedName);
      JsonToken next = expected != null ? in.currentToken() : in.nextToken();
      if (next != JsonToken.FIELD_NAME) {
        break;
      }
      String name = asExpected ? expected.jsonName : in.currentName();
      FieldSchema field = asExpected ? expected : schema.fieldByName(name);
      expected = field == null ? null : schema.next(field);
      path.push(name);
      JsonToken token = in.nextToken();
      if (field == null) {
        unknownFields.add(path.toString());
        in.skipChildren();
      } else {
        if (!level.markSeen(field.index)) {
          throw new TranscodeException(
              path.toString(), "field " + name + " is given more than once");
        }
        if (token != JsonToken.VALUE_NULL) {
          if (field.oneofIndex >= 0 && !level.claimOneof(field.oneofIndex)) {
            throw new TranscodeException(
                path.toString(),
                "field " + name + " cannot be set: another field of oneof " + field.oneofName
                    + " is already set");
          }
          readField(field, name, token, depth);
        }
      }
      path.pop();
    }
  }

  private void readField(FieldSchema field, String label, JsonToken token, int depth)
      throws IOException {
    if (field.map) {
      readMap(field, label, token, depth);
    } else if (field.repeated) {
      readRepeated(field, label, token, depth);
    } else {
      // Members of a oneof carry presence, so even their zero values are written.
      readValue(field, label, token, field.oneofIndex >= 0, depth);
    }
  }

  /** A singular value (or one array element) with its tag; zero values only when asked. */
  private void readValue(
      FieldSchema field, String label, JsonToken token, boolean writeZero, int depth)
      throws IOException {
    switch (field.type) {
      case MESSAGE:
        if (token != JsonToken.START_OBJECT) {
          throw JsonScalars.wrongKind(field, label, "a JSON object", token, path);
        }
        int message = out.beginLengthDelimited(field.number);
        readObject(field.message(), depth + 1);
        out.endLengthDelimited(message);
        break;
      case STRING:
        JsonScalars.requireString(token, field, label, path);
        int length = in.getTextLength();
        if (writeZero || length > 0) {
          out.writeString(field.number, in.getTextCharacters(), in.getTextOffset(), length);
        }
        break;
      case BYTES:
        byte[] bytes = JsonScalars.bytes(in, token, field, label, path);
        if (writeZero || bytes.length > 0) {
          out.writeByteArray(field.number, bytes);
        }
        break;
      default:
        long bits = JsonScalars.bits(in, token, field, label, path);
        // Raw bits: -0.0 is not zero here, just as protobuf keeps it.
        if (writeZero || bits != 0) {
          out.writeTag(field.number, field.wireType);
          out.writeScalar(field.type, bits);
        }
        break;
    }
  }

  private void readRepeated(FieldSchema field, String label, JsonToken token, int depth)
      throws IOException {
    if (token != JsonToken.START_ARRAY) {
      throw new TranscodeException(
          path.toString(),
          "expected a JSON array for repeated " + JsonScalars.describeField(field, label)
              + ", got " + JsonScalars.describe(token));
    }
    // An empty packed array writes nothing, so its record is opened at the first element.
    int packed = -1;
    int index = 0;
    JsonToken element;
    while ((element = in.nextToken()) != JsonToken.END_ARRAY) {
      path.pushIndex(index++);
      if (element == JsonToken.VALUE_NULL) {
        throw new TranscodeException(
            path.toString(), "null is not allowed in repeated field " + label);
      }
      if (field.packable) {
        long bits = JsonScalars.bits(in, element, field, label, path);
        if (packed < 0) {
          packed = out.beginLengthDelimited(field.number);
        }
        out.writeScalar(field.type, bits);
      } else {
        readValue(field, label, element, true, depth);
      }
      path.pop();
    }
    if (packed >= 0) {
      out.endLengthDelimited(packed);
    }
  }

  private void readMap(FieldSchema field, String label, JsonToken token, int depth)
      throws IOException {
    if (token != JsonToken.START_OBJECT) {
      throw new TranscodeException(
          path.toString(),
          "expected a JSON object for map field " + label + ", got "
              + JsonScalars.describe(token));
    }
    FieldSchema key = field.mapKey();
    FieldSchema value = field.mapValue();
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      path.push(name);
      int entry = out.beginLengthDelimited(field.number);
      writeMapKey(key, label, name);
      JsonToken valueToken = in.nextToken();
      if (valueToken == JsonToken.VALUE_NULL) {
        throw new TranscodeException(path.toString(), "null is not allowed in map field " + label);
      }
      readValue(value, label, valueToken, true, depth + 1);
      out.endLengthDelimited(entry);
      path.pop();
    }
  }

  private void writeMapKey(FieldSchema key, String label, String name) throws IOException {
    switch (key.type) {
      case STRING:
        // The parser is still on the key, so its chars are at hand.
        out.writeString(1, in.getTextCharacters(), in.getTextOffset(), in.getTextLength());
        break;
      case BOOL:
        if (!name.equals("true") && !name.equals("false")) {
          throw new TranscodeException(
              path.toString(), "invalid key for map field " + label + " (bool keys): " + name);
        }
        out.writeTag(1, key.wireType);
        out.writeUInt32(name.equals("true") ? 1 : 0);
        break;
      default:
        long bits = JsonScalars.integerKey(name, key, label, path);
        out.writeTag(1, key.wireType);
        out.writeScalar(key.type, bits);
        break;
    }
  }

  private Level level(int depth) {
    if (depth >= levels.length) {
      levels = Arrays.copyOf(levels, Math.max(depth + 1, levels.length * 2));
    }
    Level level = levels[depth];
    if (level == null) {
      level = new Level();
      levels[depth] = level;
    }
    return level;
  }

  /** Bookkeeping of the message being read at one nesting level. */
  private static final class Level {
    private long[] seen = new long[1];
    private boolean[] oneofs = new boolean[0];

    void begin(MessageSchema schema) {
      int words = (schema.fields.length + 63) >>> 6;
      if (seen.length < words) {
        seen = new long[words];
      }
      // Plain loops: these are one or two elements, called once per object.
      for (int i = 0; i < words; i++) {
        seen[i] = 0;
      }
      if (oneofs.length < schema.oneofCount) {
        oneofs = new boolean[schema.oneofCount];
      }
      for (int i = 0; i < schema.oneofCount; i++) {
        oneofs[i] = false;
      }
    }

    /** False when the field was already given (under either of its names). */
    boolean markSeen(int fieldIndex) {
      long bit = 1L << fieldIndex;
      int word = fieldIndex >>> 6;
      boolean fresh = (seen[word] & bit) == 0;
      seen[word] |= bit;
      return fresh;
    }

    /** False when another member of the oneof already has a value. */
    boolean claimOneof(int oneofIndex) {
      boolean fresh = !oneofs[oneofIndex];
      oneofs[oneofIndex] = true;
      return fresh;
    }
  }
}
