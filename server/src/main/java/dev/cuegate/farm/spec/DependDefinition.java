package dev.cuegate.farm.spec;

import java.util.Optional;

/**
 * One {@code <depend>}: the depending job (and layer or frame) waits for the job (layer, frame) it
 * depends on. Job names are full names, layer and frame names conformed as Cuebot stores them.
 *
 * @param anyFrame the spec's {@code anyframe} flag, which OpenCue reads for {@link
 *     DependType#LAYER_ON_LAYER} only
 */
public record DependDefinition(
    DependType type,
    boolean anyFrame,
    String dependJob,
    Optional<String> dependLayer,
    Optional<String> dependFrame,
    String onJob,
    Optional<String> onLayer,
    Optional<String> onFrame) {}
