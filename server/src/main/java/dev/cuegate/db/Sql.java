package dev.cuegate.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The few JDBC shapes the stores need, so that each query reads as its SQL. It knows no table:
 * each package passes the SQL of its own tables.
 */
public final class Sql {
  private Sql() {}

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** Runs an INSERT, UPDATE or DELETE; answers how many rows it changed. */
  public static int update(Transaction tx, String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = prepare(tx, sql, args)) {
      return statement.executeUpdate();
    }
  }

  /** Every row the query answers, mapped. */
  public static <T> List<T> list(Transaction tx, String sql, RowMapper<T> mapper, Object... args)
      throws SQLException {
    try (PreparedStatement statement = prepare(tx, sql, args);
        ResultSet rows = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    }
  }

  /** The first row the query answers, mapped; empty when there is none. */
  public static <T> Optional<T> one(Transaction tx, String sql, RowMapper<T> mapper,
      Object... args) throws SQLException {
    List<T> rows = list(tx, sql, mapper, args);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /**
   * The first row, in the query's order, that {@code accepted} takes: rows after it are not read,
   * so a long queue costs only as much as the rows before the answer.
   */
  public static <T> Optional<T> first(Transaction tx, String sql, RowMapper<T> mapper,
      Predicate<? super T> accepted, Object... args) throws SQLException {
    try (PreparedStatement statement = prepare(tx, sql, args);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        T row = mapper.map(rows);
        if (accepted.test(row)) {
          return Optional.of(row);
        }
      }
      return Optional.empty();
    }
  }

  /** A query's single number, such as a COUNT; 0 when it answers no row. */
  public static int count(Transaction tx, String sql, Object... args) throws SQLException {
    return one(tx, sql, row -> row.getInt(1), args).orElse(0);
  }

  /** Runs one INSERT or UPDATE once per entry of {@code rows}, sent to the database together. */
  public static void batch(Transaction tx, String sql, List<Object[]> rows) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(sql)) {
      for (Object[] args : rows) {
        for (int i = 0; i < args.length; i++) {
          statement.setObject(i + 1, args[i]);
        }
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  private static PreparedStatement prepare(Transaction tx, String sql, Object... args)
      throws SQLException {
    PreparedStatement statement = tx.connection().prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
    }
    return statement;
  }
}
