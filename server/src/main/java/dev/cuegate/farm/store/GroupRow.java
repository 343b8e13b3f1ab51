package dev.cuegate.farm.store;

/** A group (folder) of a show's jobs; every show has a root group named after it. */
public record GroupRow(
    String id, String showId, String name, String parentId, int level, int pendingJobs,
    FrameCounts frames) {}
