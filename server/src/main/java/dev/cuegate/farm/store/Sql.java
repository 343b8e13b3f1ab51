package dev.cuegate.farm.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The few JDBC shapes the farm's stores need, so each query reads as its SQL. */
public final class Sql {
  private Sql() {}

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  public static int update(Connection connection, String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, args)) {
      return statement.executeUpdate();
    }
  }

  public static <T> List<T> list(
      Connection connection, String sql, RowMapper<T> mapper, Object... args)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, args);
        ResultSet rows = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    }
  }

  public static <T> Optional<T> one(
      Connection connection, String sql, RowMapper<T> mapper, Object... args)
      throws SQLException {
    List<T> rows = list(connection, sql, mapper, args);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  public static PreparedStatement prepare(Connection connection, String sql, Object... args)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
    }
    return statement;
  }
}
