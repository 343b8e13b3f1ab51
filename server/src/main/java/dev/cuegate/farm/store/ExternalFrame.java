package dev.cuegate.farm.store;

import java.util.Map;

/**
 * A frame that an outside scheduler (a Cuebot, through the bridge) launched on this farm: its job,
 * layer and frame keep the scheduler's ids, and its command and environment are final.
 *
 * @param cores the cores given to the frame, in hundredths of a core
 * @param service the service its layer is stored with, which names the task type workers see
 */
public record ExternalFrame(
    String jobId,
    String jobName,
    String show,
    String shot,
    String user,
    String layerId,
    String layerName,
    String frameId,
    String frameName,
    int number,
    String command,
    Map<String, String> environment,
    String logDir,
    int cores,
    String service) {

  public ExternalFrame {
    environment = Map.copyOf(environment);
  }
}
