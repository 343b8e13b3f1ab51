package dev.cuegate.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One change on a farm, as clients receive it.
 *
 * @param id monotonic per CueGate: a later event has a larger id
 * @param show the show's name; empty for host events
 * @param job the job's name; empty for host events
 * @param attributes the other ids and names a client needs ({@code jobId}, {@code layer},
 *     {@code frame}, {@code frameId}, {@code host}) and what the type carries ({@code exitStatus},
 *     {@code retryCount}, {@code deadFrames}, …), in a stable order
 */
public record FarmEvent(
    long id,
    EventType type,
    Instant time,
    String show,
    String job,
    Map<String, Object> attributes) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public FarmEvent {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** The event as one line of JSON: {@code id} (a string, as 64-bit integers are), type, time. */
  public String toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", Long.toString(id));
    json.put("type", type.wireName());
    json.put("time", time.toString());
    if (!type.aboutHost()) {
      json.put("show", show);
      json.put("job", job);
    }
    json.putAll(attributes);
    try {
      return JSON.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event attributes must be plain values", e);
    }
  }
}
