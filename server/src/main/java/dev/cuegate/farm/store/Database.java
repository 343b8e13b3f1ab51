package dev.cuegate.farm.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;

/**
 * The farm's SQL database: migrated on open, used one transaction at a time.
 *
 * <p>Transactions are serialised in-process. The embedded farm has one writer (this process), and
 * SQLite would otherwise answer a second concurrent writer with SQLITE_BUSY; a few hundred small
 * transactions a second are far more than a one-machine farm needs.
 */
public final class Database {
  private final String url;
  private final Properties properties;
  private final ReentrantLock lock = new ReentrantLock(true);

  private Database(String url, Properties properties) {
    this.url = url;
    this.properties = properties;
  }

  /** Opens the database at {@code jdbcUrl} and brings its schema up to date. */
  public static Database open(String jdbcUrl) {
    Database database = new Database(jdbcUrl, properties(jdbcUrl));
    Flyway.configure()
        .dataSource(jdbcUrl, null, null)
        .locations("classpath:db/farm")
        .load()
        .migrate();
    return database;
  }

  /**
   * SQLite settings for crash safety: the write-ahead log with a full sync at every commit keeps
   * each committed transaction and never shows half of one after a kill or power loss.
   */
  private static Properties properties(String jdbcUrl) {
    Properties properties = new Properties();
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      properties.setProperty("journal_mode", "WAL");
      properties.setProperty("synchronous", "FULL");
      properties.setProperty("foreign_keys", "true");
      properties.setProperty("busy_timeout", "10000");
    }
    return properties;
  }

  /** Work done inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
   *
   * @throws StoreException when the database fails
   */
  public <T> T transaction(Work<T> work) {
    lock.lock();
    try (Connection connection = DriverManager.getConnection(url, properties)) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("database error: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** The JDBC URL, for logs. */
  public String url() {
    return url;
  }
}
