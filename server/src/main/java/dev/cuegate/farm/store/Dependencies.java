package dev.cuegate.farm.store;

import dev.cuegate.farm.spec.DependDefinition;
import dev.cuegate.farm.spec.DependType;
import dev.cuegate.farm.spec.FrameRange;
import dev.cuegate.proto.job.FrameState;
import dev.cuegate.proto.job.JobState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Dependencies between layers and frames: creating them puts frames in DEPEND, and a frame that
 * succeeds or is eaten releases what waited for it. Works inside the caller's transaction.
 */
final class Dependencies {
  private static final String DONE = "('SUCCEEDED', 'EATEN')";

  private final Connection connection;

  Dependencies(Connection connection) {
    this.connection = connection;
  }

  void create(DependDefinition depend) throws SQLException {
    DependType type = depend.type();
    if (type != DependType.LAYER_ON_LAYER && type != DependType.FRAME_BY_FRAME) {
      throw FarmException.invalid("depend type " + type + " needs a Cuebot: the embedded farm"
          + " supports LAYER_ON_LAYER and FRAME_BY_FRAME");
    }
    String erLayer = layerId(depend.dependJob(), depend.dependLayer().orElseThrow());
    String onLayer = layerId(depend.onJob(), depend.onLayer().orElseThrow());
    if (erLayer.equals(onLayer)) {
      throw FarmException.invalid("depend: layer " + depend.dependLayer().orElseThrow()
          + " of job " + depend.dependJob() + " cannot depend on itself");
    }
    if (type == DependType.LAYER_ON_LAYER) {
      layerOnLayer(erLayer, onLayer);
    } else {
      frameByFrame(erLayer, onLayer);
    }
  }

  private void layerOnLayer(String erLayer, String onLayer) throws SQLException {
    if (layerDone(onLayer)) {
      return;
    }
    insert(DependType.LAYER_ON_LAYER, erLayer, null, onLayer, null);
    hold("layer_id = ?", erLayer);
  }

  /** Each frame waits for the frame of the other layer that renders its number. */
  private void frameByFrame(String erLayer, String onLayer) throws SQLException {
    Map<Integer, String[]> onFrames = new HashMap<>();
    for (String[] frame : Sql.list(connection,
        "SELECT id, state, frame_spec FROM frame WHERE layer_id = ?",
        row -> new String[] {row.getString(1), row.getString(2), row.getString(3)}, onLayer)) {
      for (int number : FrameRange.parse(frame[2])) {
        onFrames.put(number, frame);
      }
    }
    List<String[]> erFrames = Sql.list(connection,
        "SELECT id, number FROM frame WHERE layer_id = ?",
        row -> new String[] {row.getString(1), row.getString(2)}, erLayer);
    for (String[] erFrame : erFrames) {
      String[] onFrame = onFrames.get(Integer.parseInt(erFrame[1]));
      if (onFrame == null || isDone(onFrame[1])) {
        continue;
      }
      insert(DependType.FRAME_BY_FRAME, erLayer, erFrame[0], onLayer, onFrame[0]);
      hold("id = ?", erFrame[0]);
    }
  }

  /** Called when {@code frameId} has just become SUCCEEDED or EATEN. */
  void satisfied(String frameId, String layerId) throws SQLException {
    for (String[] depend : Sql.list(connection,
        "SELECT id, er_frame_id FROM depend WHERE on_frame_id = ? AND active = ?",
        row -> new String[] {row.getString(1), row.getString(2)}, frameId, true)) {
      deactivate(depend[0]);
      release("id = ?", depend[1]);
    }
    if (!layerDone(layerId)) {
      return;
    }
    for (String[] depend : Sql.list(connection,
        "SELECT id, er_layer_id FROM depend WHERE on_layer_id = ? AND active = ?"
            + " AND depend_type = ?",
        row -> new String[] {row.getString(1), row.getString(2)},
        layerId, true, DependType.LAYER_ON_LAYER.name())) {
      deactivate(depend[0]);
      release("layer_id = ?", depend[1]);
    }
  }

  private String layerId(String jobName, String layerName) throws SQLException {
    return Sql.one(connection,
            "SELECT l.id FROM layer l JOIN job j ON j.id = l.job_id"
                + " WHERE j.name = ? AND j.state = ? AND l.name = ?",
            row -> row.getString(1), jobName, JobState.PENDING.name(), layerName)
        .orElseThrow(() -> FarmException.invalid(
            "depend: job " + jobName + " has no layer " + layerName));
  }

  private boolean layerDone(String layerId) throws SQLException {
    return Sql.one(connection,
            "SELECT COUNT(*) FROM frame WHERE layer_id = ? AND state NOT IN " + DONE,
            row -> row.getInt(1), layerId)
        .orElseThrow() == 0;
  }

  private static boolean isDone(String state) {
    return state.equals(FrameState.SUCCEEDED.name()) || state.equals(FrameState.EATEN.name());
  }

  private void insert(DependType type, String erLayer, String erFrame, String onLayer,
      String onFrame) throws SQLException {
    Sql.update(connection,
        "INSERT INTO depend (id, depend_type, active, er_layer_id, er_frame_id, on_layer_id,"
            + " on_frame_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(), type.name(), true, erLayer, erFrame, onLayer, onFrame);
  }

  private void deactivate(String dependId) throws SQLException {
    Sql.update(connection, "UPDATE depend SET active = ? WHERE id = ?", false, dependId);
  }

  private void hold(String where, String id) throws SQLException {
    Sql.update(connection, "UPDATE frame SET depend_count = depend_count + 1 WHERE " + where, id);
    Sql.update(connection, "UPDATE frame SET state = ? WHERE state = ? AND " + where,
        FrameState.DEPEND.name(), FrameState.WAITING.name(), id);
  }

  private void release(String where, String id) throws SQLException {
    Sql.update(connection, "UPDATE frame SET depend_count = depend_count - 1 WHERE " + where, id);
    Sql.update(connection,
        "UPDATE frame SET state = ? WHERE state = ? AND depend_count = 0 AND " + where,
        FrameState.WAITING.name(), FrameState.DEPEND.name(), id);
  }
}
