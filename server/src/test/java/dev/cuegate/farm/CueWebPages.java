package dev.cuegate.farm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The page table of test resource {@code cueweb-calls/pages.json}: for each of CueWeb's pages
 * and panels, the calls its loading makes with CueWeb's bodies, and the answer fields CueWeb
 * reads; and the check that an answer has those fields.
 */
final class CueWebPages {
  /** One call of a page: the body with the farm's values in it, and the fields to find. */
  record Call(String method, String body, List<String> reads) {}

  /** A page or panel of CueWeb, where its calls come from, and its calls. */
  record Page(String name, List<String> sources, List<Call> calls) {}

  private CueWebPages() {}

  /** The table, its placeholders replaced by {@code values}: text, or whole objects. */
  static List<Page> load(Map<String, JsonNode> values) {
    JsonNode table;
    try (InputStream in = CueWebPages.class.getResourceAsStream("/cueweb-calls/pages.json")) {
      table = FarmApi.JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Page> pages = new ArrayList<>();
    for (JsonNode page : table.get("pages")) {
      List<Call> calls = new ArrayList<>();
      for (JsonNode call : page.get("calls")) {
        calls.add(new Call(call.get("method").asText(),
            fill(call.get("body").deepCopy(), values).toString(), texts(call.get("reads"))));
      }
      pages.add(new Page(page.get("page").asText(), texts(page.get("source")), calls));
    }
    return pages;
  }

  /**
   * What of {@code path} the answer lacks; empty when it has it all. {@code a[]} is a list that
   * must not be empty, each of whose elements must have the rest; {@code a[*]} may be empty.
   */
  static List<String> missing(JsonNode answer, String path) {
    List<String> missing = new ArrayList<>();
    find(answer, path.split("\\."), 0, "", missing);
    return missing;
  }

  private static void find(JsonNode node, String[] path, int at, String where,
      List<String> missing) {
    if (at == path.length) {
      return;
    }
    String segment = path[at];
    boolean anyCount = segment.endsWith("[*]");
    boolean list = anyCount || segment.endsWith("[]");
    String field = list ? segment.substring(0, segment.indexOf('[')) : segment;
    String here = where.isEmpty() ? field : where + "." + field;
    JsonNode child = node.get(field);
    if (child == null || child.isNull()) {
      missing.add(here + " is absent");
    } else if (!list) {
      find(child, path, at + 1, here, missing);
    } else if (!child.isArray()) {
      missing.add(here + " is not a list");
    } else if (child.isEmpty() && !anyCount) {
      missing.add(here + " is empty");
    } else {
      for (int i = 0; i < child.size(); i++) {
        find(child.get(i), path, at + 1, here + "[" + i + "]", missing);
      }
    }
  }

  private static JsonNode fill(JsonNode node, Map<String, JsonNode> values) {
    if (node.isTextual()) {
      String text = node.asText();
      if (text.startsWith("${") && text.endsWith("}")
          && values.containsKey(text.substring(2, text.length() - 1))
          && values.get(text.substring(2, text.length() - 1)).isObject()) {
        return values.get(text.substring(2, text.length() - 1));
      }
      for (Map.Entry<String, JsonNode> value : values.entrySet()) {
        if (value.getValue().isValueNode()) {
          text = text.replace("${" + value.getKey() + "}", value.getValue().asText());
        }
      }
      if (text.contains("${")) {
        throw new IllegalArgumentException("no value for a placeholder in " + text);
      }
      return TextNode.valueOf(text);
    }
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        object.set(name, fill(object.get(name), values));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, fill(array.get(i), values));
      }
    }
    return node;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
