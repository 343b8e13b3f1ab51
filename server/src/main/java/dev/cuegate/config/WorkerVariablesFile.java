package dev.cuegate.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code WORKER_VARIABLES_FILE}: a JSON object of placeholder name → platform → value,
 * e.g. {@code {"blender": {"linux": "/usr/bin/blender", "all": "blender"}}}.
 */
final class WorkerVariablesFile {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The names a {@code {name}} placeholder can have; braces or spaces would never match. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final Set<String> PLATFORMS = Set.of("linux", "windows", "darwin", "all");

  private WorkerVariablesFile() {}

  static Map<String, Map<String, String>> read(Path file) {
    JsonNode doc;
    try {
      doc = JSON.readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw invalid(file, "not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw invalid(file, "cannot read it (" + e.getClass().getSimpleName() + ")");
    }
    if (doc == null || !doc.isObject()) {
      throw invalid(file, "expected a JSON object of name → {platform → value}");
    }
    Map<String, Map<String, String>> variables = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = it.next();
      String name = variable.getKey();
      if (!NAME.matcher(name).matches()) {
        throw invalid(file, "\"" + name + "\" is not a variable name (letters, digits, _ . -)");
      }
      if (!variable.getValue().isObject() || variable.getValue().isEmpty()) {
        throw invalid(file, name + ": expected an object of platform → value");
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> v = variable.getValue().fields(); v.hasNext(); ) {
        Map.Entry<String, JsonNode> value = v.next();
        if (!PLATFORMS.contains(value.getKey())) {
          throw invalid(file, name + ": \"" + value.getKey()
              + "\" is not linux, windows, darwin or all");
        }
        if (!value.getValue().isTextual()) {
          throw invalid(file, name + "." + value.getKey() + ": expected a string");
        }
        values.put(value.getKey(), value.getValue().asText());
      }
      variables.put(name, values);
    }
    return variables;
  }

  private static ConfigException invalid(Path file, String problem) {
    return new ConfigException(Variable.WORKER_VARIABLES_FILE.name(), file + ": " + problem);
  }
}
