package dev.cuegate.farm.store;

import dev.cuegate.farm.spec.LayerType;
import java.util.List;

/**
 * A frame waiting for a host, with what says which hosts may run it.
 *
 * @param services its layer's services, first the one that decides its task type: the service
 *     that gave the layer its settings, else the first it names
 * @param cores what its layer reserves, in hundredths of a core; 0 for a frame Cuebot booked a
 *     host for (an external one), which needs no second check
 * @param memoryKib what its layer reserves, in KiB; 0 for an external frame
 * @param gpus what its layer reserves; 0 for an external frame
 * @param tags its layer's tags: a host needs one of them, when there are any
 */
public record WaitingFrame(String frameId, String jobId, List<String> services,
    LayerType layerType, int cores, long memoryKib, int gpus, List<String> tags) {

  public WaitingFrame {
    services = List.copyOf(services);
    tags = List.copyOf(tags);
  }
}
