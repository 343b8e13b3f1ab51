package dev.cuegate.worker;

import java.util.List;
import java.util.Optional;

/**
 * Warns about a worker none of whose task types is one that the work here comes with (the OpenCue
 * bridge's frames have one task type): such a worker would sign on and never get a task, and
 * nothing else would tell its operator why.
 */
final class TaskTypeAdvice {
  private final List<String> wanted;

  /** {@code wanted} empty: any task type may come (the embedded farm's jobs choose theirs). */
  TaskTypeAdvice(List<String> wanted) {
    this.wanted = List.copyOf(wanted);
  }

  /** The warning for a worker of {@code taskTypes}, if it gets none of the work. */
  Optional<String> about(List<String> taskTypes) {
    if (wanted.isEmpty() || taskTypes.stream().anyMatch(wanted::contains)) {
      return Optional.empty();
    }
    return Optional.of("none of this worker's task types " + taskTypes
        + " is the task type of the OpenCue bridge's frames (" + String.join(", ", wanted)
        + "), so it gets no frames; add " + String.join(",", wanted) + " to its --task-types");
  }
}
