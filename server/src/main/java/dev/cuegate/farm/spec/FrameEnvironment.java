package dev.cuegate.farm.spec;

import java.util.LinkedHashMap;
import java.util.Map;

/** The environment a frame runs with: the job's and layer's {@code env} plus OpenCue's CUE_*. */
public final class FrameEnvironment {
  private FrameEnvironment() {}

  /**
   * The frame's variables. The layer's {@code env} overrides the job's and the CUE_* variables
   * override both, as Cuebot does. Resources are what the layer reserves: {@code CUE_THREADS}
   * whole cores (at least 1), {@code CUE_MEMORY} and {@code CUE_GPU_MEMORY} in KiB. {@code
   * CUE_RANGE} is the layer's whole range as written, as Cuebot sets it; the frame's own numbers
   * are in {@code #FRAMESPEC#}.
   */
  public static Map<String, String> of(FrameDispatch dispatch) {
    LayerDefinition layer = dispatch.layer();
    PlannedFrame frame = dispatch.frame();
    Map<String, String> environment = new LinkedHashMap<>(dispatch.jobEnvironment());
    environment.putAll(layer.environment());
    environment.put("CUE3", "1");
    environment.put("CUE_THREADS", String.valueOf(Math.max(1, layer.cores() / 100)));
    environment.put("CUE_MEMORY", String.valueOf(layer.memoryKib()));
    environment.put("CUE_GPUS", String.valueOf(layer.gpus()));
    environment.put("CUE_GPU_MEMORY", String.valueOf(layer.gpuMemoryKib()));
    environment.put("CUE_LOG_PATH", dispatch.logDirectory());
    environment.put("CUE_RANGE", layer.range());
    environment.put("CUE_CHUNK", String.valueOf(layer.chunk()));
    environment.put("CUE_IFRAME", String.valueOf(frame.number()));
    environment.put("CUE_LAYER", layer.name());
    environment.put("CUE_JOB", dispatch.jobName());
    environment.put("CUE_FRAME", frame.name());
    environment.put("CUE_SHOW", dispatch.show());
    environment.put("CUE_SHOT", dispatch.shot());
    environment.put("CUE_USER", dispatch.user());
    environment.put("CUE_JOB_ID", dispatch.jobId());
    environment.put("CUE_LAYER_ID", dispatch.layerId());
    environment.put("CUE_FRAME_ID", dispatch.frameId());
    environment.put("CUE_THREADABLE", layer.threadable() ? "1" : "0");
    return Immutables.orderedMap(environment);
  }
}
