package dev.cuegate.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuegate.events.EventFilter;
import dev.cuegate.events.EventType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the JSON list of webhook endpoints that {@code WEBHOOKS_FILE} holds. */
public final class WebhookEndpoints {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Names become directory names under DATA_DIR and metric tags: nothing a path could abuse. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Set<String> KEYS = Set.of("name", "url", "types", "show", "job", "secret");

  private WebhookEndpoints() {}

  /**
   * Parses the file's text.
   *
   * @throws IllegalArgumentException naming the entry (by name, else by position) and what is
   *     wrong with it
   */
  public static List<WebhookEndpoint> parse(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr());
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException("expected a JSON list of endpoints");
    }
    List<WebhookEndpoint> endpoints = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode entry = root.get(i);
      String label = "entry " + (i + 1);
      if (entry.isObject() && entry.path("name").isTextual()) {
        label += " (\"" + entry.get("name").asText() + "\")";
      }
      WebhookEndpoint endpoint = endpoint(entry, label);
      if (!names.add(endpoint.name())) {
        throw new IllegalArgumentException(label + ": the name is used by an earlier entry");
      }
      endpoints.add(endpoint);
    }
    return List.copyOf(endpoints);
  }

  private static WebhookEndpoint endpoint(JsonNode entry, String label) {
    if (!entry.isObject()) {
      throw new IllegalArgumentException(label + ": expected an object");
    }
    for (Iterator<String> keys = entry.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(label + ": unknown key \"" + key
            + "\"; expected name, url, types, show, job, secret");
      }
    }
    String name = entry.path("name").asText("");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(label
          + ": expected a name of letters, digits, '.', '_' or '-' (at most 64), got \"" + name
          + "\"");
    }
    String secret = entry.path("secret").asText("");
    if (!entry.path("secret").isTextual() || secret.isBlank()) {
      throw new IllegalArgumentException(label + ": a secret is required to sign deliveries");
    }
    return new WebhookEndpoint(name, url(entry.path("url"), label),
        new EventFilter(strings(entry, "show", label), strings(entry, "job", label),
            types(entry, label)),
        secret);
  }

  private static URI url(JsonNode node, String label) {
    String text = node.asText("");
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      throw badUrl(label, text);
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!node.isTextual() || !url.isAbsolute() || url.getHost() == null
        || !(scheme.equals("http") || scheme.equals("https"))) {
      throw badUrl(label, text);
    }
    return url;
  }

  private static IllegalArgumentException badUrl(String label, String text) {
    return new IllegalArgumentException(
        label + ": expected an absolute http or https URL, got \"" + text + "\"");
  }

  private static Set<EventType> types(JsonNode entry, String label) {
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    for (String name : strings(entry, "types", label)) {
      types.add(EventType.fromWireName(name).orElseThrow(() -> new IllegalArgumentException(
          label + ": unknown event type \"" + name + "\"; expected some of "
              + String.join(", ",
                  EnumSet.allOf(EventType.class).stream().map(EventType::wireName).toList()))));
    }
    return types;
  }

  /** A key given as one string or a list of strings; absent means none. */
  private static Set<String> strings(JsonNode entry, String key, String label) {
    JsonNode node = entry.path(key);
    Set<String> values = new LinkedHashSet<>();
    if (node.isMissingNode() || node.isNull()) {
      return values;
    }
    if (node.isTextual()) {
      values.add(node.asText());
      return values;
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException(label + ": expected \"" + key
          + "\" to be a string or a list of strings");
    }
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw new IllegalArgumentException(label + ": expected \"" + key
            + "\" to be a string or a list of strings");
      }
      values.add(item.asText());
    }
    return values;
  }
}
