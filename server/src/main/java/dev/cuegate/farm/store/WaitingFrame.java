package dev.cuegate.farm.store;

import dev.cuegate.farm.spec.LayerType;
import java.util.List;

/**
 * A frame waiting for a host, with what says which hosts may run it.
 *
 * @param services its layer's services, first the software it needs most
 */
public record WaitingFrame(String frameId, String jobId, List<String> services, LayerType layerType) {

  public WaitingFrame {
    services = List.copyOf(services);
  }
}
