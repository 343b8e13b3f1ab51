package dev.cuegate.farm.store;

import dev.cuegate.db.Sql;

import dev.cuegate.farm.spec.DependDefinition;
import dev.cuegate.farm.spec.DependType;
import dev.cuegate.farm.spec.FrameRange;
import dev.cuegate.proto.depend.DependTarget;
import dev.cuegate.proto.job.FrameState;
import dev.cuegate.proto.job.JobState;
import dev.cuegate.db.Transaction;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Dependencies between jobs, layers and frames, as OpenCue's job specs declare them: creating one
 * puts the frames that wait in DEPEND, and once what they wait for is done (every frame of it
 * SUCCEEDED or EATEN) they are WAITING again. Works inside the caller's transaction.
 */
final class Dependencies {
  private static final String DONE = "('SUCCEEDED', 'EATEN')";

  /**
   * Part of a job: all of it, one layer or one frame. A frame's scope names its layer, a layer's
   * its job, so that narrower scopes are found by wider ones.
   */
  record Scope(String jobId, String layerId, String frameId) {
    /** The frames of the scope, as a condition on the frame table. */
    String where() {
      return frameId != null ? "id = ?" : layerId != null ? "layer_id = ?" : "job_id = ?";
    }

    String id() {
      return frameId != null ? frameId : layerId != null ? layerId : jobId;
    }

    boolean overlaps(Scope other) {
      return jobId.equals(other.jobId)
          && (layerId == null || other.layerId == null || layerId.equals(other.layerId))
          && (frameId == null || other.frameId == null || frameId.equals(other.frameId));
    }
  }

  private final Transaction connection;

  Dependencies(Transaction connection) {
    this.connection = connection;
  }

  void create(DependDefinition depend) throws SQLException {
    DependType type = depend.type();
    refuseCuebotOnly(type);
    Scope er = scope(depend.dependJob(), type.needsDependLayer() ? depend.dependLayer()
        : Optional.empty(), type.needsDependFrame() ? depend.dependFrame() : Optional.empty());
    Scope on = scope(depend.onJob(), type.needsOnLayer() ? depend.onLayer() : Optional.empty(),
        type.needsOnFrame() ? depend.onFrame() : Optional.empty());
    create(type, depend.anyFrame(), er, on, () -> "depend: " + describe(depend, true)
        + " cannot depend on " + describe(depend, false) + ", which it is part of or contains");
  }

  /**
   * Makes {@code er} wait for {@code on}. One on something already done is stored satisfied, so
   * it holds nothing. Answers the dependency's id; a FRAME_BY_FRAME one answers the id of its
   * first frame's row, or nothing when no frame had to wait.
   */
  Optional<String> create(DependType type, boolean anyFrame, Scope er, Scope on,
      Supplier<String> selfDependency) throws SQLException {
    refuseCuebotOnly(type);
    if (er.overlaps(on)) {
      // It would wait for itself, for ever.
      throw FarmException.invalid(selfDependency.get());
    }
    if (type == DependType.FRAME_BY_FRAME) {
      return frameByFrame(er.layerId(), on.layerId());
    }
    boolean done = isFinished(on.jobId()) || (anyFrame ? anyDone(on) : allDone(on));
    String id = insert(type, anyFrame, !done, er, on);
    if (!done) {
      hold(er);
    }
    return Optional.of(id);
  }

  private static void refuseCuebotOnly(DependType type) {
    if (type == DependType.PREVIOUS_FRAME || type == DependType.LAYER_ON_SIM_FRAME) {
      throw FarmException.invalid("depend type " + type + " needs a Cuebot: the embedded farm"
          + " supports the jobs, layers and frames of JOB_ON_*, LAYER_ON_*, FRAME_ON_* and"
          + " FRAME_BY_FRAME");
    }
  }

  /** A finished job (killed, or every frame done) holds nothing. */
  private boolean isFinished(String jobId) throws SQLException {
    return Sql.one(connection, "SELECT state FROM job WHERE id = ?", row -> row.getString(1),
        jobId).orElseThrow().equals(JobState.FINISHED.name());
  }

  /** Satisfies the dependency {@code id} if it still holds: what waited for it is released. */
  void satisfy(String id) throws SQLException {
    releaseWhere("id = ?", id);
  }

  /**
   * Makes the satisfied dependency {@code id} hold again, as Cuebot's unsatisfy does: its waiting
   * frames that are WAITING become DEPEND. One that still holds stays as it is. Refused when what
   * it waits on is done, since nothing would ever release its frames again.
   */
  void unsatisfy(String id) throws SQLException {
    Object[] row = Sql.one(connection, "SELECT active, any_frame, er_job_id, er_layer_id,"
            + " er_frame_id, on_job_id, on_layer_id, on_frame_id FROM dependency WHERE id = ?",
        r -> new Object[] {r.getBoolean(1), r.getBoolean(2), new Scope(r.getString(3),
            r.getString(4), r.getString(5)), new Scope(r.getString(6), r.getString(7),
            r.getString(8))}, id).orElseThrow();
    if ((Boolean) row[0]) {
      return;
    }
    Scope on = (Scope) row[3];
    if (isFinished(on.jobId()) || ((Boolean) row[1] ? anyDone(on) : allDone(on))) {
      throw new FarmException(FarmException.Kind.FAILED_PRECONDITION, "depend " + id
          + " waits on something already done: it would hold its frames for ever");
    }
    Sql.update(connection, "UPDATE dependency SET active = ? WHERE id = ?", true, id);
    hold((Scope) row[2]);
  }

  /**
   * Satisfies what waits on these frames, as Cuebot's mark-done does: dependencies on each frame
   * itself and any-frame ones on its layer. The frames keep their state.
   */
  void satisfyOnFrame(FrameRow frame) throws SQLException {
    releaseWhere("on_frame_id = ?", frame.id());
    releaseWhere("on_layer_id = ? AND on_frame_id IS NULL AND any_frame = ?",
        frame.layerId(), true);
  }

  /** Satisfies what waits on the layer or any of its frames. */
  void satisfyOnLayer(String layerId) throws SQLException {
    releaseWhere("on_layer_id = ?", layerId);
  }

  /**
   * Satisfies what {@code where} (on the dependency table) selects of what a job, layer or frame
   * waits for: on its own job ({@code INTERNAL}), on other jobs ({@code EXTERNAL}), or both.
   */
  void satisfyWaiting(String where, Object id, DependTarget target) throws SQLException {
    String on = switch (target) {
      case INTERNAL -> " AND er_job_id = on_job_id";
      case EXTERNAL -> " AND er_job_id <> on_job_id";
      default -> "";
    };
    releaseWhere(where + on, id);
  }

  /** Each frame waits for the frame of the other layer that renders its number. */
  private Optional<String> frameByFrame(String erLayer, String onLayer) throws SQLException {
    Map<Integer, String[]> onFrames = new HashMap<>();
    for (String[] frame : Sql.list(connection,
        "SELECT id, state, frame_spec, job_id FROM frame WHERE layer_id = ?",
        row -> new String[] {row.getString(1), row.getString(2), row.getString(3),
            row.getString(4)}, onLayer)) {
      for (int number : FrameRange.parse(frame[2])) {
        onFrames.put(number, frame);
      }
    }
    List<String[]> erFrames = Sql.list(connection,
        "SELECT id, number, job_id FROM frame WHERE layer_id = ?",
        row -> new String[] {row.getString(1), row.getString(2), row.getString(3)}, erLayer);
    Optional<String> first = Optional.empty();
    for (String[] erFrame : erFrames) {
      String[] onFrame = onFrames.get(Integer.parseInt(erFrame[1]));
      if (onFrame == null || isDone(onFrame[1])) {
        continue;
      }
      Scope er = new Scope(erFrame[2], erLayer, erFrame[0]);
      String id = insert(DependType.FRAME_BY_FRAME, false, true, er,
          new Scope(onFrame[3], onLayer, onFrame[0]));
      first = first.or(() -> Optional.of(id));
      hold(er);
    }
    return first;
  }

  /** Called when {@code frame} has just become SUCCEEDED or EATEN. */
  void satisfied(FrameRow frame) throws SQLException {
    releaseWhere("on_frame_id = ?", frame.id());
    releaseWhere("on_layer_id = ? AND on_frame_id IS NULL AND any_frame = ?",
        frame.layerId(), true);
    if (allDone(new Scope(frame.jobId(), frame.layerId(), null))) {
      releaseWhere("on_layer_id = ? AND on_frame_id IS NULL AND any_frame = ?",
          frame.layerId(), false);
    }
    if (allDone(new Scope(frame.jobId(), null, null))) {
      releaseWhere("on_job_id = ? AND on_layer_id IS NULL", frame.jobId());
    }
  }

  /** The frame was marked as waiting: what it alone waited for holds it no more. */
  void dropFrame(String frameId) throws SQLException {
    Sql.update(connection, "UPDATE dependency SET active = ? WHERE er_frame_id = ? AND active = ?",
        false, frameId, true);
  }

  /** The job was killed: as in OpenCue, nothing waits for it or any part of it any more. */
  void killed(String jobId) throws SQLException {
    releaseWhere("on_job_id = ?", jobId);
  }

  private void releaseWhere(String where, Object... args) throws SQLException {
    Object[] all = new Object[args.length + 1];
    all[0] = true;
    System.arraycopy(args, 0, all, 1, args.length);
    List<String[]> depends = Sql.list(connection,
        "SELECT id, er_job_id, er_layer_id, er_frame_id FROM dependency WHERE active = ? AND "
            + where,
        row -> new String[] {row.getString(1), row.getString(2), row.getString(3),
            row.getString(4)}, all);
    for (String[] depend : depends) {
      Sql.update(connection, "UPDATE dependency SET active = ? WHERE id = ?", false, depend[0]);
      release(new Scope(depend[1], depend[2], depend[3]));
    }
  }

  /** The scope a depend names: frame names carry their layer, so a frame needs no layer. */
  private Scope scope(String jobName, Optional<String> layerName, Optional<String> frameName)
      throws SQLException {
    String jobId = Sql.one(connection, "SELECT id FROM job WHERE name = ? AND state = ?",
            row -> row.getString(1), jobName, JobState.PENDING.name())
        .orElseThrow(() -> FarmException.invalid("depend: job " + jobName + " is not pending"));
    if (frameName.isPresent()) {
      String[] frame = Sql.one(connection,
              "SELECT id, layer_id FROM frame WHERE job_id = ? AND name = ?",
              row -> new String[] {row.getString(1), row.getString(2)}, jobId, frameName.get())
          .orElseThrow(() -> FarmException.invalid(
              "depend: job " + jobName + " has no frame " + frameName.get()));
      return new Scope(jobId, frame[1], frame[0]);
    }
    if (layerName.isPresent()) {
      String layerId = Sql.one(connection, "SELECT id FROM layer WHERE job_id = ? AND name = ?",
              row -> row.getString(1), jobId, layerName.get())
          .orElseThrow(() -> FarmException.invalid(
              "depend: job " + jobName + " has no layer " + layerName.get()));
      return new Scope(jobId, layerId, null);
    }
    return new Scope(jobId, null, null);
  }

  private static String describe(DependDefinition depend, boolean er) {
    DependType type = depend.type();
    Optional<String> frame = er ? depend.dependFrame() : depend.onFrame();
    Optional<String> layer = er ? depend.dependLayer() : depend.onLayer();
    String job = er ? depend.dependJob() : depend.onJob();
    if (er ? type.needsDependFrame() : type.needsOnFrame()) {
      return "frame " + frame.orElseThrow() + " of job " + job;
    }
    if (er ? type.needsDependLayer() : type.needsOnLayer()) {
      return "layer " + layer.orElseThrow() + " of job " + job;
    }
    return "job " + job;
  }

  private boolean allDone(Scope scope) throws SQLException {
    return count(scope, "NOT IN") == 0;
  }

  private boolean anyDone(Scope scope) throws SQLException {
    return count(scope, "IN") > 0;
  }

  private int count(Scope scope, String in) throws SQLException {
    return Sql.one(connection,
            "SELECT COUNT(*) FROM frame WHERE " + scope.where() + " AND state " + in + " " + DONE,
            row -> row.getInt(1), scope.id())
        .orElseThrow();
  }

  private static boolean isDone(String state) {
    return state.equals(FrameState.SUCCEEDED.name()) || state.equals(FrameState.EATEN.name());
  }

  private String insert(DependType type, boolean anyFrame, boolean active, Scope er, Scope on)
      throws SQLException {
    String id = UUID.randomUUID().toString();
    List<Object> values = new ArrayList<>(List.of(id, type.name(), anyFrame, active));
    for (Scope scope : List.of(er, on)) {
      values.add(scope.jobId());
      values.add(scope.layerId());
      values.add(scope.frameId());
    }
    Sql.update(connection,
        "INSERT INTO dependency (id, depend_type, any_frame, active, er_job_id, er_layer_id,"
            + " er_frame_id, on_job_id, on_layer_id, on_frame_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values.toArray());
    return id;
  }

  private void hold(Scope scope) throws SQLException {
    Sql.update(connection,
        "UPDATE frame SET depend_count = depend_count + 1 WHERE " + scope.where(), scope.id());
    Sql.update(connection, "UPDATE frame SET state = ? WHERE state = ? AND " + scope.where(),
        FrameState.DEPEND.name(), FrameState.WAITING.name(), scope.id());
  }

  /** A frame marked as waiting has no count left to take from. */
  private void release(Scope scope) throws SQLException {
    Sql.update(connection,
        "UPDATE frame SET depend_count = depend_count - 1 WHERE depend_count > 0 AND "
            + scope.where(), scope.id());
    Sql.update(connection,
        "UPDATE frame SET state = ? WHERE state = ? AND depend_count = 0 AND " + scope.where(),
        FrameState.WAITING.name(), FrameState.DEPEND.name(), scope.id());
  }
}
