package dev.cuegate.worker;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The task type workers see for a layer: its first service (OpenCue's way of saying what
 * software a frame needs), else its type in lower case ({@code render}, {@code util},
 * {@code post}), renamed by {@code WORKER_TASK_TYPES}.
 */
final class TaskTypes {
  static final String ANY = "*";

  private final Map<String, String> mapping;

  TaskTypes(Map<String, String> mapping) {
    this.mapping = Map.copyOf(mapping);
  }

  String of(List<String> services, String layerType) {
    String name = services.isEmpty() ? layerType.toLowerCase(Locale.ROOT) : services.get(0);
    String key = name.toLowerCase(Locale.ROOT);
    return mapping.getOrDefault(key, mapping.getOrDefault(ANY, name));
  }
}
