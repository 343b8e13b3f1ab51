package dev.cuegate.farm.store;

import dev.cuegate.farm.spec.LayerType;
import java.util.List;

/**
 * A frame waiting for a host, with what says which hosts may run it.
 *
 * @param services its layer's services, first the software it needs most
 * @param tags its layer's tags: a host needs one of them, when there are any
 */
public record WaitingFrame(String frameId, String jobId, List<String> services, LayerType layerType,
    List<String> tags) {

  public WaitingFrame {
    services = List.copyOf(services);
    tags = List.copyOf(tags);
  }
}
