package dev.cuegate.farm.store;

/**
 * A show with its counters, the frames of its pending jobs, the address that hears of new
 * comments on its jobs, and its scheduling settings.
 */
public record ShowRow(
    String id,
    String name,
    boolean active,
    long createdJobCount,
    long createdFrameCount,
    long renderedFrameCount,
    long failedFrameCount,
    int pendingJobs,
    FrameCounts frames,
    String commentEmail,
    int defaultMinCores,
    int defaultMaxCores,
    boolean bookingEnabled,
    boolean dispatchEnabled) {}
