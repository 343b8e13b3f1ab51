package dev.cuegate.farm.spec;

import java.util.Map;

/**
 * Everything known about a frame when it is handed to a worker, from which its command and
 * environment are made ({@link CommandTokens}, {@link FrameEnvironment}).
 *
 * @param logDirectory the job's log directory, by default {@link Names#logDirectory}
 * @param jobEnvironment the job's {@code env}; the layer's is in {@code layer}
 */
public record FrameDispatch(
    String show,
    String shot,
    String user,
    String jobName,
    String jobId,
    String layerId,
    String frameId,
    String logDirectory,
    Map<String, String> jobEnvironment,
    LayerDefinition layer,
    PlannedFrame frame) {

  public FrameDispatch {
    jobEnvironment = Immutables.orderedMap(jobEnvironment);
  }
}
