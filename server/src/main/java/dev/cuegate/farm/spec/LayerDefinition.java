package dev.cuegate.farm.spec;

import java.util.List;
import java.util.Map;

/**
 * One {@code <layer>} of a job, with OpenCue's defaults filled in.
 *
 * @param name conformed as Cuebot stores it: lower case, dashes as underscores
 * @param range the frame range as written (see {@link FrameRange})
 * @param chunk how many frame numbers one frame renders, at least 1
 * @param cores hundredths of a core (100 = one core), as OpenCue counts them
 * @param threadable whether the frame may use more cores than it reserved; never below one core
 * @param memoryKib memory to reserve per frame, in KiB
 * @param gpuMemoryKib GPU memory to reserve per frame, in KiB
 * @param timeoutMinutes the frame is killed after running this long; 0 = never
 * @param timeoutLluMinutes the frame is killed after its log is silent this long; 0 = never
 * @param services the services asked for, first match wins; empty means OpenCue's default service
 * @param environment the layer's {@code env} keys in spec order; a later duplicate wins
 */
public record LayerDefinition(
    String name,
    LayerType type,
    String command,
    String range,
    int chunk,
    int cores,
    boolean threadable,
    long memoryKib,
    int gpus,
    long gpuMemoryKib,
    int timeoutMinutes,
    int timeoutLluMinutes,
    List<String> tags,
    List<String> limits,
    Map<String, String> environment,
    List<String> services,
    List<LayerOutput> outputs) {

  /** Cores of a layer whose spec gives none, or too few to count (below 0.1). */
  public static final int DEFAULT_CORES = 100;

  /** Memory of a layer whose spec gives none: the 4 GiB of OpenCue's default service. */
  public static final long DEFAULT_MEMORY_KIB = 4L * 1024 * 1024;

  public LayerDefinition {
    tags = List.copyOf(tags);
    limits = List.copyOf(limits);
    environment = Immutables.orderedMap(environment);
    services = List.copyOf(services);
    outputs = List.copyOf(outputs);
  }
}
