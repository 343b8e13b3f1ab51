package dev.cuegate.farm.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The worker table read and steered as OpenCue hosts. */
final class Hosts {
  private Hosts() {}

  static List<HostRow> all(Connection c) throws SQLException {
    return Sql.list(c, "SELECT w.*, (SELECT COUNT(*) FROM worker_task t JOIN frame f"
            + " ON f.id = t.frame_id WHERE t.worker_id = w.id AND t.status = 'active'"
            + " AND f.state = 'RUNNING') AS active_tasks FROM worker w ORDER BY w.nickname, w.id",
        row -> new HostRow(
            row.getString("id"),
            row.getString("nickname"),
            row.getString("platform"),
            row.getString("status"),
            row.getString("status_requested"),
            row.getBoolean("lazy_status_request"),
            row.getInt("cores"),
            row.getLong("memory_mb"),
            Rows.split(row.getString("supported_task_types")),
            row.getLong("registered"),
            row.getLong("last_activity"),
            row.getInt("active_tasks")));
  }

  static void requestStatus(Connection c, String hostId, String status, boolean lazy)
      throws SQLException {
    int updated = Sql.update(c, "UPDATE worker SET status_requested = ?, lazy_status_request = ?"
        + " WHERE id = ?", status, lazy, hostId);
    if (updated == 0) {
      throw FarmException.notFound("host " + hostId + " does not exist");
    }
  }
}
