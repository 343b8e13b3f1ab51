package dev.cuegate.farm.store;

import dev.cuegate.db.Sql;
import dev.cuegate.db.Transaction;
import dev.cuegate.proto.job.FrameState;
import dev.cuegate.proto.job.JobState;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the farm's shows, jobs, layers and frames, with their frame counts, in a transaction. */
final class Reads {
  private Reads() {}

  /** @throws FarmException NOT_FOUND when there is no such job */
  static JobRow job(Transaction c, String id) throws SQLException {
    return jobRows(c, " WHERE j.id = ?", id).stream()
        .findFirst()
        .orElseThrow(() -> FarmException.notFound("job " + id + " does not exist"));
  }

  /** @throws FarmException NOT_FOUND when there is no such frame */
  static FrameRow frame(Transaction c, String id) throws SQLException {
    return Sql.one(c, Rows.FRAME_SELECT + " WHERE f.id = ?", Rows::frame, id)
        .orElseThrow(() -> FarmException.notFound("frame " + id + " does not exist"));
  }

  /** The jobs {@code where} selects; it may name the job {@code j} and its show {@code s}. */
  static List<JobRow> jobRows(Transaction c, String where, Object... args) throws SQLException {
    Map<String, FrameCounts> counts =
        counts(c, "SELECT f.job_id, f.state, COUNT(*) FROM frame f"
            + (where.isEmpty() ? ""
                : " JOIN job j ON j.id = f.job_id JOIN show s ON s.id = j.show_id" + where)
            + " GROUP BY f.job_id, f.state", args);
    return Sql.list(c, Rows.JOB_SELECT + where + " ORDER BY j.name, j.start_time",
        row -> Rows.job(row, counts.getOrDefault(row.getString("id"), FrameCounts.NONE)), args);
  }

  static List<LayerRow> layerRows(Transaction c, String where, Object... args)
      throws SQLException {
    Map<String, FrameCounts> counts = counts(c, "SELECT layer_id, state, COUNT(*) FROM frame"
        + " WHERE layer_id IN (SELECT id FROM layer WHERE " + where + ")"
        + " GROUP BY layer_id, state", args);
    return Sql.list(c, "SELECT * FROM layer WHERE " + where + " ORDER BY dispatch_order",
        row -> Rows.layer(row, counts.getOrDefault(row.getString("id"), FrameCounts.NONE)),
        args);
  }

  static List<FrameRow> frameRows(Transaction c, String where, Object... args)
      throws SQLException {
    return Sql.list(c, Rows.FRAME_SELECT + " WHERE " + where + Rows.FRAME_ORDER, Rows::frame,
        args);
  }

  /**
   * The shows {@code where} selects (it names the show {@code s}), each with the counts of its
   * own jobs only.
   */
  static List<ShowRow> showRows(Transaction c, String where, Object... args)
      throws SQLException {
    List<JobRow> jobs = jobRows(c, where, args);
    return Sql.list(c, "SELECT s.* FROM show s" + where + " ORDER BY s.name", row -> {
      String name = row.getString("name");
      List<JobRow> showJobs = jobs.stream().filter(job -> job.show().equals(name)).toList();
      List<JobRow> pending =
          showJobs.stream().filter(job -> job.state() == JobState.PENDING).toList();
      FrameCounts all = sum(showJobs);
      return new ShowRow(row.getString("id"), name, row.getBoolean("active"),
          row.getLong("created_job_count"), row.getLong("created_frame_count"),
          all.get(FrameState.SUCCEEDED), all.get(FrameState.DEAD), pending.size(),
          sum(pending), row.getString("comment_email"), row.getInt("default_min_cores"),
          row.getInt("default_max_cores"), row.getBoolean("booking_enabled"),
          row.getBoolean("dispatch_enabled"));
    }, args);
  }

  static FrameCounts sum(List<JobRow> jobs) {
    FrameCounts total = FrameCounts.NONE;
    for (JobRow job : jobs) {
      total = total.plus(job.frames());
    }
    return total;
  }

  private static Map<String, FrameCounts> counts(Transaction c, String sql, Object... args)
      throws SQLException {
    Map<String, Map<FrameState, Integer>> byOwner = new HashMap<>();
    Sql.list(c, sql, row -> byOwner
        .computeIfAbsent(row.getString(1), owner -> new EnumMap<>(FrameState.class))
        .put(FrameState.valueOf(row.getString(2)), row.getInt(3)), args);
    Map<String, FrameCounts> counts = new HashMap<>();
    byOwner.forEach((owner, states) -> counts.put(owner, new FrameCounts(states)));
    return counts;
  }
}
