package dev.cuegate.farm.spec;

import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * @param defaulted the settings the spec left out ({@link #SERVICE_SETTINGS}), whose values
 *     here are OpenCue's defaults until the layer's service gives its own at launch
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
    List<LayerOutput> outputs,
    Set<String> defaulted) {

  /** Cores of a layer whose spec gives none, or too few to count (below 0.1). */
  public static final int DEFAULT_CORES = 100;

  /** Memory of a layer whose spec gives none: the 4 GiB of OpenCue's default service. */
  public static final long DEFAULT_MEMORY_KIB = 4L * 1024 * 1024;

  /** The elements whose value a service gives a layer whose spec leaves them out. */
  public static final Set<String> SERVICE_SETTINGS = Set.of("cores", "threadable", "memory",
      "gpus", "gpu_memory", "timeout", "timeout_llu", "tags");

  /** A layer whose spec gave every setting a service could give. */
  public LayerDefinition(String name, LayerType type, String command, String range, int chunk,
      int cores, boolean threadable, long memoryKib, int gpus, long gpuMemoryKib,
      int timeoutMinutes, int timeoutLluMinutes, List<String> tags, List<String> limits,
      Map<String, String> environment, List<String> services, List<LayerOutput> outputs) {
    this(name, type, command, range, chunk, cores, threadable, memoryKib, gpus, gpuMemoryKib,
        timeoutMinutes, timeoutLluMinutes, tags, limits, environment, services, outputs,
        Set.of());
  }

  public LayerDefinition {
    tags = List.copyOf(tags);
    limits = List.copyOf(limits);
    environment = Immutables.orderedMap(environment);
    services = List.copyOf(services);
    outputs = List.copyOf(outputs);
    defaulted = Set.copyOf(defaulted);
  }
}
