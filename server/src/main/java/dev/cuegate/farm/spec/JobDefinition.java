package dev.cuegate.farm.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One {@code <job>} of a spec, with OpenCue's defaults filled in.
 *
 * @param name the full name, {@code <show>-<shot>-<user>_<job name>}
 * @param maxCores whole cores, when the spec caps them
 * @param environment the job's {@code env} keys in spec order; a later duplicate wins
 */
public record JobDefinition(
    String name,
    boolean paused,
    int priority,
    int maxRetries,
    OptionalInt maxCores,
    OptionalInt maxGpus,
    boolean autoEat,
    Optional<LocalBooking> localBooking,
    Optional<String> os,
    Map<String, String> environment,
    List<LayerDefinition> layers) {

  /** OpenCue's priority of a job whose spec gives none. */
  public static final int DEFAULT_PRIORITY = 1;

  /** OpenCue's retries of a failed frame when the spec gives none. */
  public static final int DEFAULT_MAX_RETRIES = 1;

  public JobDefinition {
    environment = Immutables.orderedMap(environment);
    layers = List.copyOf(layers);
  }
}
