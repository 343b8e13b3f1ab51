package dev.cuegate.farm.store;

/**
 * A show with its counters, the frames of its pending jobs, and the address that hears of new
 * comments on its jobs.
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
    String commentEmail) {}
