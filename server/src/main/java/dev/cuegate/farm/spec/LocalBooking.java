package dev.cuegate.farm.spec;

/**
 * A job's {@code <localbook>}: run it on the submitter's own host, within these limits. Cores are
 * whole cores, memory and GPU memory in KiB; 0 where the spec gives no value.
 */
public record LocalBooking(
    String host, int cores, long memoryKib, int threads, int gpus, long gpuMemoryKib) {}
