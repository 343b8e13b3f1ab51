package dev.cuegate.farm.store;

import java.util.List;

/**
 * A service: the settings it gives a layer whose spec leaves them out. Cores are hundredths of a
 * core, memory KiB, timeouts minutes.
 *
 * @param showId the show it overrides the farm-wide service for; empty for a farm-wide service
 */
public record ServiceRow(
    String id,
    String showId,
    String name,
    boolean threadable,
    int minCores,
    int maxCores,
    long minMemoryKib,
    long minGpuMemoryKib,
    List<String> tags,
    int timeoutMinutes,
    int timeoutLluMinutes,
    int minGpus,
    int maxGpus,
    long minMemoryIncreaseKib) {

  public ServiceRow {
    tags = List.copyOf(tags);
  }

  /** The same settings under another id and show. */
  public ServiceRow withIdentity(String newId, String newShowId) {
    return new ServiceRow(newId, newShowId, name, threadable, minCores, maxCores, minMemoryKib,
        minGpuMemoryKib, tags, timeoutMinutes, timeoutLluMinutes, minGpus, maxGpus,
        minMemoryIncreaseKib);
  }
}
