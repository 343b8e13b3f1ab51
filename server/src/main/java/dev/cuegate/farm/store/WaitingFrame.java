package dev.cuegate.farm.store;

import dev.cuegate.farm.spec.LayerType;
import java.util.List;

/**
 * A frame waiting for a host, with what says which hosts may run it.
 *
 * @param services its layer's services, first the one that decides its task type: the service
 *     that gave the layer its settings, else the first it names
 * @param cores what its layer reserves, in hundredths of a core
 * @param memoryKib what its layer reserves, in KiB
 * @param gpus what its layer reserves
 */
public record WaitingFrame(String frameId, String jobId, List<String> services,
    LayerType layerType, int cores, long memoryKib, int gpus) {

  public WaitingFrame {
    services = List.copyOf(services);
  }
}
