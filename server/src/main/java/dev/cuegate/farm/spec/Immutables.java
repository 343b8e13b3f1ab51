package dev.cuegate.farm.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable copies that keep insertion order, which {@link Map#copyOf} does not. */
final class Immutables {
  private Immutables() {}

  static <K, V> Map<K, V> orderedMap(Map<K, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
