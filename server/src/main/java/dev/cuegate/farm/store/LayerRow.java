package dev.cuegate.farm.store;

import dev.cuegate.farm.spec.LayerType;
import java.util.List;

/**
 * A layer as stored, with its frame counts; cores in hundredths, memory in KiB, start-after in
 * epoch seconds (0: none).
 */
public record LayerRow(
    String id,
    String jobId,
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
    List<String> services,
    List<String> limits,
    int dispatchOrder,
    FrameCounts frames,
    long startAfter) {

  public LayerRow {
    tags = List.copyOf(tags);
    services = List.copyOf(services);
    limits = List.copyOf(limits);
  }
}
