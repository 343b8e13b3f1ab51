package dev.cuegate.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event on its way to one endpoint.
 *
 * @param id the event's id, sent as {@code X-CueGate-Event-Id} so receivers can drop repeats
 * @param body the event's JSON, sent as it was first queued
 */
public record Delivery(long id, String body) {
  /** The type of the event {@code cuegate webhooks test} sends; no farm change has it. */
  public static final String TEST_TYPE = "webhook.test";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** An event of type {@value #TEST_TYPE} and id 0, shaped as farm events are. */
  public static Delivery test(String endpoint, Instant time) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", "0");
    json.put("type", TEST_TYPE);
    json.put("time", time.toString());
    json.put("endpoint", endpoint);
    try {
      return new Delivery(0, JSON.writeValueAsString(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain strings always serialize", e);
    }
  }
}
