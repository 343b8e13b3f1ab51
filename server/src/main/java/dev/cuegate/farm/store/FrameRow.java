package dev.cuegate.farm.store;

import dev.cuegate.proto.job.FrameState;

/**
 * A frame (one chunk of a layer) as stored.
 *
 * @param frameSpec the chunk's numbers as a range, for {@code #FRAMESPEC#}
 * @param dependCount how many active dependencies hold the frame; DEPEND while above 0
 */
public record FrameRow(
    String id,
    String jobId,
    String layerId,
    String layerName,
    String name,
    int number,
    int chunkEnd,
    String frameSpec,
    FrameState state,
    int dependCount,
    int retryCount,
    int exitStatus,
    int dispatchOrder,
    long startTime,
    long stopTime,
    long memoryKib,
    long gpuMemoryKib) {}
