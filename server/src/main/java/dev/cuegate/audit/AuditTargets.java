package dev.cuegate.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids and names a request is about, found cheaply in its JSON: {@code id} and {@code name} at
 * the top level and one object down ({@code {"job":{"id":"…"}}} gives {@code job.id}).
 *
 * <p>Bounded in count and length, since the body is the caller's to choose.
 */
public final class AuditTargets {
  static final int MAX_TARGETS = 16;
  static final int MAX_VALUE_CHARS = 200;
  private static final JsonFactory JSON = new JsonFactory();

  private AuditTargets() {}

  /** Path to value, in the order they appear; empty for an empty or malformed body. */
  public static Map<String, String> of(byte[] json) {
    Map<String, String> targets = new LinkedHashMap<>();
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Map.of();
      }
      readObject(parser, "", targets, true);
    } catch (JsonProcessingException e) {
      // A malformed body is refused with 400 further on; the targets found so far still count.
      return Collections.unmodifiableMap(targets);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(targets);
  }

  private static void readObject(
      JsonParser parser, String prefix, Map<String, String> targets, boolean descend)
      throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value == JsonToken.START_OBJECT && descend) {
        readObject(parser, prefix + field + ".", targets, false);
      } else if (value.isScalarValue()) {
        if ((field.equals("id") || field.equals("name")) && targets.size() < MAX_TARGETS) {
          targets.put(prefix + field, clip(parser.getText()));
        }
      } else {
        parser.skipChildren();
      }
    }
  }

  private static String clip(String value) {
    return value.length() <= MAX_VALUE_CHARS ? value : value.substring(0, MAX_VALUE_CHARS) + "…";
  }
}
