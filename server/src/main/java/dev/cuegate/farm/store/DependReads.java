package dev.cuegate.farm.store;

import dev.cuegate.db.Sql;
import dev.cuegate.db.Transaction;
import java.sql.SQLException;
import java.util.List;

/** Reads the active dependencies one side of which is a given job, layer or frame. */
final class DependReads {
  private static final String SELECT = "SELECT d.id, d.depend_type, d.any_frame,"
      + " d.er_job_id, d.on_job_id, ej.name, el.name, ef.name, oj.name, ol.name, ofr.name"
      + " FROM dependency d"
      + " JOIN job ej ON ej.id = d.er_job_id"
      + " LEFT JOIN layer el ON el.id = d.er_layer_id"
      + " LEFT JOIN frame ef ON ef.id = d.er_frame_id"
      + " JOIN job oj ON oj.id = d.on_job_id"
      + " LEFT JOIN layer ol ON ol.id = d.on_layer_id"
      + " LEFT JOIN frame ofr ON ofr.id = d.on_frame_id"
      + " WHERE d.active = ? AND ";

  private DependReads() {}

  /** {@code where} names the dependency {@code d}. */
  static List<DependRow> where(Transaction c, String where, Object... args) throws SQLException {
    Object[] all = new Object[args.length + 1];
    all[0] = true;
    System.arraycopy(args, 0, all, 1, args.length);
    return Sql.list(c, SELECT + where + " ORDER BY d.id", row -> new DependRow(
        row.getString(1), row.getString(2), row.getBoolean(3),
        row.getString(4).equals(row.getString(5)),
        name(row.getString(6)), name(row.getString(7)), name(row.getString(8)),
        name(row.getString(9)), name(row.getString(10)), name(row.getString(11))), all);
  }

  private static String name(String nullable) {
    return nullable == null ? "" : nullable;
  }
}
