package dev.cuegate.farm.store;

import java.util.Map;

/**
 * A group (folder) of a show's jobs; every show has a root group named after it. {@code settings}
 * holds what GroupInterface's setters stored, by column of the folder table (-1: never set).
 */
public record GroupRow(
    String id, String showId, String name, String parentId, int level, int pendingJobs,
    FrameCounts frames, Map<String, Integer> settings) {

  /** The stored setting, -1 when never set. */
  public int setting(String column) {
    return settings.getOrDefault(column, -1);
  }
}
