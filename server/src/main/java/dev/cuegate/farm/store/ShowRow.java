package dev.cuegate.farm.store;

/** A show with its counters and the frames of its pending jobs. */
public record ShowRow(
    String id,
    String name,
    boolean active,
    long createdJobCount,
    long createdFrameCount,
    long renderedFrameCount,
    long failedFrameCount,
    int pendingJobs,
    FrameCounts frames) {}
