package dev.cuegate.farm.service;

import dev.cuegate.farm.store.DependActions;
import dev.cuegate.farm.store.DependActions.Target;
import dev.cuegate.farm.store.DependRow;
import dev.cuegate.farm.store.FarmException;
import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.proto.depend.Depend;
import dev.cuegate.proto.job.Frame;
import dev.cuegate.proto.job.Job;
import dev.cuegate.proto.job.Layer;
import java.util.List;

/**
 * The depend calls of the job, layer and frame services: what a request names as each side of a
 * dependency, and the dependency as OpenCue answers it.
 */
final class DependCalls {
  private final FarmStore store;
  private final DependActions actions;

  DependCalls(FarmStore store) {
    this.store = store;
    this.actions = new DependActions(store);
  }

  DependActions actions() {
    return actions;
  }

  /** {@code er} waits for {@code on}; the new dependency. */
  Depend create(Target er, Target on) {
    return depend(actions.create(er, on));
  }

  /** {@code field} is the request's field that names the job, for the error. */
  Target job(String field, Job job) {
    if (job.getId().isEmpty() && job.getName().isEmpty()) {
      throw new FarmException(FarmException.Kind.INVALID_ARGUMENT,
          field + ": give its id or name");
    }
    return new Target(Target.Kind.JOB, Calls.jobId(store, job));
  }

  /** {@code field} is the request's field that names the layer, for the error. */
  static Target layer(String field, Layer layer) {
    return new Target(Target.Kind.LAYER, RequiredIds.of(field, layer.getId()));
  }

  static Target frame(String field, Frame frame) {
    return new Target(Target.Kind.FRAME, RequiredIds.of(field, frame.getId()));
  }

  static Depend depend(DependRow row) {
    return Protos.depends(List.of(row)).getDepends(0);
  }
}
