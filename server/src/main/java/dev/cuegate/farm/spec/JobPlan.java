package dev.cuegate.farm.spec;

import java.util.List;

/**
 * What a spec's job creates: the job under its full name, its layers and all their frames, ready
 * to be stored. Ids, log directories, command tokens and environments come later, when the job is
 * stored and its frames dispatched (see {@link FrameDispatch}).
 */
public record JobPlan(JobDefinition job, List<LayerPlan> layers) {
  public JobPlan {
    layers = List.copyOf(layers);
  }

  /** The jobs of {@code spec}, in spec order. */
  public static List<JobPlan> of(JobSpec spec) {
    return spec.jobs().stream().map(JobPlan::of).toList();
  }

  /** The layers and frames of one job. */
  public static JobPlan of(JobDefinition job) {
    return new JobPlan(job, job.layers().stream().map(LayerPlan::of).toList());
  }

  /** The full job name, {@code <show>-<shot>-<user>_<name>}. */
  public String name() {
    return job.name();
  }

  /** How many frames the job has over all its layers. */
  public int frameCount() {
    return layers.stream().mapToInt(layer -> layer.frames().size()).sum();
  }
}
