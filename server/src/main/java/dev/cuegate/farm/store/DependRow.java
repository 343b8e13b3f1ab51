package dev.cuegate.farm.store;

/**
 * An active dependency as OpenCue's depend calls show it: jobs, layers and frames by name, an
 * empty name where the dependency does not go down to that level.
 *
 * @param type OpenCue's depend type name, such as {@code LAYER_ON_LAYER}
 * @param internal whether both sides are in the same job
 * @param active whether it still holds what waits
 */
public record DependRow(
    String id,
    String type,
    boolean anyFrame,
    boolean internal,
    boolean active,
    String erJob,
    String erLayer,
    String erFrame,
    String onJob,
    String onLayer,
    String onFrame) {}
