package dev.cuegate.farm.store;

import dev.cuegate.db.Transaction;
import dev.cuegate.farm.spec.DependType;
import dev.cuegate.proto.depend.DependTarget;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * The depend calls of OpenCue's job, layer and frame interfaces: creating dependencies between
 * existing jobs, layers and frames, satisfying and dropping them, and marking frames done (which,
 * as in Cuebot, satisfies what waits on the frames and leaves their state as it is). Each call is
 * one transaction.
 */
public final class DependActions {
  /** One side of a dependency: a whole job, one layer or one frame, by id. */
  public record Target(Kind kind, String id) {
    /** What the id names. */
    public enum Kind { JOB, LAYER, FRAME }
  }

  private final FarmStore store;

  public DependActions(FarmStore store) {
    this.store = store;
  }

  /**
   * Makes {@code er} wait for {@code on} ({@code JOB_ON_LAYER} for a job on a layer, say).
   * Frames of {@code er} that are WAITING become DEPEND, unless {@code on} is already done: then
   * the dependency is stored satisfied and holds nothing.
   */
  public DependRow create(Target er, Target on) {
    DependType type = DependType.valueOf(er.kind() + "_ON_" + on.kind());
    return store.run((c, states) -> {
      Optional<String> id = new Dependencies(c).create(type, false, scope(c, er), scope(c, on),
          () -> type + ": " + describe(er) + " cannot depend on " + describe(on)
              + ", which it is part of or contains");
      return DependReads.byId(c, id.orElseThrow()).orElseThrow();
    });
  }

  /**
   * Each frame of {@code layerId} waits for the frame of {@code onLayerId} that renders its
   * number. Empty when no frame had to wait; else the first frame's dependency.
   */
  public Optional<DependRow> createFrameByFrame(String layerId, String onLayerId) {
    return store.run((c, states) -> {
      Target er = new Target(Target.Kind.LAYER, layerId);
      Target on = new Target(Target.Kind.LAYER, onLayerId);
      Optional<String> id = new Dependencies(c).create(DependType.FRAME_BY_FRAME, false,
          scope(c, er), scope(c, on), () -> "FRAME_BY_FRAME: layer " + layerId
              + " cannot depend on itself");
      return id.isPresent() ? DependReads.byId(c, id.get()) : Optional.<DependRow>empty();
    });
  }

  /** The dependency {@code id}, whether it still holds or not. */
  public DependRow depend(String id) {
    return store.run((c, states) -> DependReads.byId(c, id).orElseThrow(
        () -> FarmException.notFound("depend " + id + " does not exist")));
  }

  /** Satisfies the dependency {@code id}; one that no longer holds stays as it is. */
  public void satisfy(String id) {
    store.run((c, states) -> {
      DependReads.byId(c, id).orElseThrow(
          () -> FarmException.notFound("depend " + id + " does not exist"));
      new Dependencies(c).satisfy(id);
      return null;
    });
  }

  /** Makes the satisfied dependency {@code id} hold again; one that still holds stays so. */
  public void unsatisfy(String id) {
    store.run((c, states) -> {
      DependReads.byId(c, id).orElseThrow(
          () -> FarmException.notFound("depend " + id + " does not exist"));
      new Dependencies(c).unsatisfy(id);
      return null;
    });
  }

  /** Satisfies what the job, its layers and its frames wait for, on {@code target}. */
  public void dropJobDepends(String jobId, DependTarget target) {
    store.run((c, states) -> {
      Reads.job(c, jobId);
      new Dependencies(c).satisfyWaiting("er_job_id = ?", jobId, target);
      return null;
    });
  }

  /** Satisfies what the layer and its frames wait for, on {@code target}. */
  public void dropLayerDepends(String layerId, DependTarget target) {
    store.run((c, states) -> {
      scope(c, new Target(Target.Kind.LAYER, layerId));
      new Dependencies(c).satisfyWaiting("er_layer_id = ?", layerId, target);
      return null;
    });
  }

  /** Satisfies what the frame alone waits for, on {@code target}. */
  public void dropFrameDepends(String frameId, DependTarget target) {
    store.run((c, states) -> {
      Reads.frame(c, frameId);
      new Dependencies(c).satisfyWaiting("er_frame_id = ?", frameId, target);
      return null;
    });
  }

  /** Marks the frames of the job that {@code query} selects done (unpaged). */
  public void markDoneJobFrames(String jobId, FrameQuery query) {
    store.run((c, states) -> {
      Reads.job(c, jobId);
      Dependencies dependencies = new Dependencies(c);
      for (FrameRow frame : Reads.frameRows(c, "f.job_id = ?", jobId)) {
        if (query.matches(frame)) {
          dependencies.satisfyOnFrame(frame);
        }
      }
      return null;
    });
  }

  /** Marks the layer done: what waits on it or on any of its frames is released. */
  public void markDoneLayer(String layerId) {
    store.run((c, states) -> {
      scope(c, new Target(Target.Kind.LAYER, layerId));
      new Dependencies(c).satisfyOnLayer(layerId);
      return null;
    });
  }

  private static String describe(Target target) {
    return target.kind().name().toLowerCase(Locale.ROOT) + " " + target.id();
  }

  private static Dependencies.Scope scope(Transaction c, Target target) throws SQLException {
    return switch (target.kind()) {
      case JOB -> new Dependencies.Scope(Reads.job(c, target.id()).id(), null, null);
      case LAYER -> {
        LayerRow layer = Reads.layerRows(c, "id = ?", target.id()).stream().findFirst()
            .orElseThrow(() -> FarmException.notFound("layer " + target.id()
                + " does not exist"));
        yield new Dependencies.Scope(layer.jobId(), layer.id(), null);
      }
      case FRAME -> {
        FrameRow frame = Reads.frame(c, target.id());
        yield new Dependencies.Scope(frame.jobId(), frame.layerId(), frame.id());
      }
    };
  }
}
