package dev.cuegate.farm.store;

import dev.cuegate.farm.spec.Names;
import dev.cuegate.db.Sql;
import dev.cuegate.db.Transaction;
import dev.cuegate.farm.spec.LayerType;
import dev.cuegate.proto.job.FrameState;
import dev.cuegate.proto.job.JobState;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Stores and ends the frames an outside scheduler launched, inside the caller's transaction.
 * External jobs get no retries here: every end is final and goes to the scheduler, which decides.
 */
final class ExternalFrames {
  private final Transaction connection;
  private final FrameStates states;
  private final ExternalFrameListener listener;
  private final long now;

  ExternalFrames(Transaction connection, FrameStates states, ExternalFrameListener listener,
      long now) {
    this.connection = connection;
    this.states = states;
    this.listener = listener;
    this.now = now;
  }

  /**
   * Stores {@code frame} as WAITING, creating its show, job and layer on first sight; a frame
   * launched again (a retry the scheduler decided) starts afresh.
   *
   * @throws FarmException ALREADY_EXISTS while the frame is still waiting or running here
   */
  void launch(ExternalFrame frame) throws SQLException {
    String[] show = show(frame.show());
    if (Sql.one(connection, "SELECT id FROM job WHERE id = ?", row -> 1, frame.jobId())
        .isEmpty()) {
      Sql.update(connection,
          "INSERT INTO job (id, show_id, folder_id, name, shot, owner_name, facility, os, uid,"
              + " priority, max_retries, max_cores, auto_eat, paused, killed, state, log_dir,"
              + " environment, start_time, stop_time, external)"
              + " VALUES (?, ?, ?, ?, ?, ?, '', '', NULL, 0, 0, NULL, ?, ?, ?, ?, ?, '{}', ?, 0, ?)",
          frame.jobId(), show[0], show[1], frame.jobName(), frame.shot(), frame.user(),
          false, false, false, JobState.PENDING.name(), frame.logDir(), now, true);
    }
    if (Sql.one(connection, "SELECT id FROM layer WHERE id = ?", row -> 1, frame.layerId())
        .isEmpty()) {
      int order = Sql.one(connection, "SELECT COUNT(*) FROM layer WHERE job_id = ?",
          row -> row.getInt(1), frame.jobId()).orElse(0);
      Sql.update(connection,
          "INSERT INTO layer (id, job_id, name, layer_type, command, frame_range, chunk_size,"
              + " cores, threadable, memory_kib, gpus, gpu_memory_kib, timeout_minutes,"
              + " timeout_llu_minutes, tags, services, limits, environment, dispatch_order)"
              + " VALUES (?, ?, ?, ?, '', ?, 1, ?, ?, 0, 0, 0, 0, 0, '[]', ?, '[]', '{}', ?)",
          frame.layerId(), frame.jobId(), frame.layerName(), LayerType.RENDER.name(),
          Integer.toString(frame.number()), frame.cores(), false,
          Rows.json(List.of(frame.service())), order);
    }
    String environment = Rows.json(frame.environment());
    var existing = Sql.one(connection, "SELECT state FROM frame WHERE id = ?",
        row -> FrameState.valueOf(row.getString(1)), frame.frameId());
    if (existing.isPresent()) {
      if (existing.get() == FrameState.WAITING || existing.get() == FrameState.RUNNING) {
        throw new FarmException(FarmException.Kind.ALREADY_EXISTS,
            "frame " + frame.frameName() + " is already " + existing.get() + " here");
      }
      Sql.update(connection, "UPDATE frame SET state = ?, retry_count = 0, exit_status = 0,"
              + " start_time = 0, stop_time = 0, command = ?, environment = ? WHERE id = ?",
          FrameState.WAITING.name(), frame.command(), environment, frame.frameId());
    } else {
      Sql.update(connection,
          "INSERT INTO frame (id, job_id, layer_id, name, number, chunk_end, frame_spec, state,"
              + " depend_count, retry_count, exit_status, dispatch_order, start_time, stop_time,"
              + " command, environment)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, 0, 0, ?, ?)",
          frame.frameId(), frame.jobId(), frame.layerId(), frame.frameName(), frame.number(),
          frame.number(), Integer.toString(frame.number()), FrameState.WAITING.name(),
          frame.number(), frame.command(), environment);
    }
    states.refreshJob(frame.jobId());
  }

  /**
   * Ends a waiting or running external frame: SUCCEEDED on exit status 0, else DEAD; the
   * listener hears of it in this transaction.
   */
  FrameState end(String frameId, int exitStatus, int exitSignal) throws SQLException {
    FrameRow frame = Reads.frame(connection, frameId);
    if (frame.state() != FrameState.WAITING && frame.state() != FrameState.RUNNING) {
      throw new FarmException(FarmException.Kind.FAILED_PRECONDITION,
          "frame " + frame.name() + " is " + frame.state() + ", not running");
    }
    FrameState next = exitStatus == 0 ? FrameState.SUCCEEDED : FrameState.DEAD;
    Sql.update(connection, "UPDATE frame SET state = ?, exit_status = ?, stop_time = ?"
        + " WHERE id = ?", next.name(), exitStatus, now, frameId);
    states.refreshJob(frame.jobId());
    listener.ended(connection, frameId, exitStatus, exitSignal);
    return next;
  }

  /** The frame's own command and environment, when an outside scheduler gave them. */
  static Optional<FrameCommand> command(Transaction connection, String frameId)
      throws SQLException {
    return Sql.one(connection, "SELECT command, COALESCE(environment, '{}') FROM frame"
            + " WHERE id = ? AND command IS NOT NULL",
        row -> new FrameCommand(row.getString(1), Rows.map(row.getString(2))), frameId);
  }

  /**
   * Where OpenCue's tools look for the log of a frame, external or the farm's own:
   * {@code <log_dir>/<job name>.<frame name>.rqlog}.
   */
  static Optional<Path> logFile(Transaction connection, String frameId) throws SQLException {
    // A launch without a log directory has no such file: the task log alone keeps its lines.
    return Sql.one(connection, "SELECT j.log_dir, j.name, f.name FROM frame f"
            + " JOIN job j ON j.id = f.job_id WHERE f.id = ? AND j.log_dir <> ''",
        row -> Path.of(Names.logFile(row.getString(1), row.getString(2), row.getString(3))),
        frameId);
  }

  static boolean isExternal(Transaction connection, String jobId) throws SQLException {
    return Sql.one(connection, "SELECT external FROM job WHERE id = ?",
        row -> row.getBoolean(1), jobId).orElse(false);
  }

  /** The show's id and root folder id; a show Cuebot names that is new here is created. */
  private String[] show(String name) throws SQLException {
    Optional<String[]> found = FarmStore.showIds(connection, name);
    return found.isPresent() ? found.get() : FarmStore.insertShow(connection, name);
  }

}
