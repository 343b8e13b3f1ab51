package dev.cuegate.farm.spec;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** A parsed OpenCue job spec: who submits, for which show and shot, the jobs and dependencies. */
public record JobSpec(
    Optional<String> facility,
    Optional<String> department,
    String show,
    String shot,
    String user,
    Optional<String> email,
    OptionalInt uid,
    List<JobDefinition> jobs,
    List<DependDefinition> depends) {

  public JobSpec {
    jobs = List.copyOf(jobs);
    depends = List.copyOf(depends);
  }
}
