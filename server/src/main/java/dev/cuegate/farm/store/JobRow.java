package dev.cuegate.farm.store;

import dev.cuegate.proto.job.JobState;
import java.util.OptionalInt;

/**
 * A job as stored, with its frame counts. Times are epoch seconds, 0 when not yet; cores are
 * hundredths of a core.
 */
public record JobRow(
    String id,
    String show,
    String group,
    String name,
    String shot,
    String user,
    String facility,
    String os,
    OptionalInt uid,
    int priority,
    int maxRetries,
    OptionalInt maxCores,
    boolean autoEat,
    boolean paused,
    JobState state,
    String logDir,
    long startTime,
    long stopTime,
    boolean hasComment,
    int layerCount,
    FrameCounts frames,
    int minCores,
    int minGpus,
    OptionalInt maxGpus) {}
