package dev.cuegate.farm.store;

import dev.cuegate.db.Sql;
import dev.cuegate.db.Transaction;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Reads dependencies: the active ones one side of which is a given job, layer or frame. */
final class DependReads {
  private static final String SELECT = "SELECT d.id, d.depend_type, d.any_frame, d.active,"
      + " d.er_job_id, d.on_job_id, ej.name, el.name, ef.name, oj.name, ol.name, ofr.name"
      + " FROM dependency d"
      + " JOIN job ej ON ej.id = d.er_job_id"
      + " LEFT JOIN layer el ON el.id = d.er_layer_id"
      + " LEFT JOIN frame ef ON ef.id = d.er_frame_id"
      + " JOIN job oj ON oj.id = d.on_job_id"
      + " LEFT JOIN layer ol ON ol.id = d.on_layer_id"
      + " LEFT JOIN frame ofr ON ofr.id = d.on_frame_id"
      + " WHERE ";

  private DependReads() {}

  /** The active dependencies {@code where} selects; it names the dependency {@code d}. */
  static List<DependRow> where(Transaction c, String where, Object... args) throws SQLException {
    Object[] all = new Object[args.length + 1];
    all[0] = true;
    System.arraycopy(args, 0, all, 1, args.length);
    return select(c, "d.active = ? AND " + where, all);
  }

  /** The dependency {@code id}, whether it still holds or not. */
  static Optional<DependRow> byId(Transaction c, String id) throws SQLException {
    return select(c, "d.id = ?", id).stream().findFirst();
  }

  private static List<DependRow> select(Transaction c, String where, Object... args)
      throws SQLException {
    return Sql.list(c, SELECT + where + " ORDER BY d.id", row -> new DependRow(
        row.getString(1), row.getString(2), row.getBoolean(3),
        row.getString(5).equals(row.getString(6)), row.getBoolean(4),
        name(row.getString(7)), name(row.getString(8)), name(row.getString(9)),
        name(row.getString(10)), name(row.getString(11)), name(row.getString(12))), args);
  }

  private static String name(String nullable) {
    return nullable == null ? "" : nullable;
  }
}
