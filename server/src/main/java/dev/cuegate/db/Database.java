package dev.cuegate.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CueGate's SQL database (SQLite or PostgreSQL): migrated on open, used one SERIALIZABLE
 * transaction at a time over one connection. It knows no table: the farm, the worker protocol
 * and the bridge each keep their own tables and migrations (docs/ARCHITECTURE.md).
 *
 * <p>Transactions are serialised in-process. The embedded farm has one writer (this process), and
 * SQLite would otherwise answer a second concurrent writer with SQLITE_BUSY; on PostgreSQL it
 * spares this process's own requests from conflicting with each other. A few hundred small
 * transactions a second are far more than a one-machine farm needs.
 *
 * <p>SERIALIZABLE isolation is what keeps the farm's read-then-write transactions (a worker
 * picking the first waiting frame, the last frame of a layer releasing its dependants) correct
 * when several processes share one PostgreSQL database: PostgreSQL then aborts one of two
 * conflicting transactions, and it is run again here on a fresh snapshot. SQLite is serializable
 * anyway, since it has a single writer.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);
  /** How often a transaction that lost a serialization conflict runs before the caller sees it. */
  static final int ATTEMPTS = 20;
  /**
   * Each owner's migrations. They form one version sequence with one history, as the tables
   * reference each other (a worker's task names a farm frame) and must be created in order; a
   * new migration takes the next free version whichever owner it belongs to.
   */
  static final List<String> MIGRATIONS =
      List.of("classpath:db/farm", "classpath:db/worker", "classpath:db/bridge",
          "classpath:db/events");

  private final String url;
  private final Properties properties;
  private final ReentrantLock lock = new ReentrantLock(true);
  private Connection connection;
  private boolean closed;

  private Database(String url, Properties properties) {
    this.url = url;
    this.properties = properties;
  }

  /** Opens the database at {@code jdbcUrl} and brings its schema up to date. */
  public static Database open(String jdbcUrl) {
    Database database = new Database(jdbcUrl, properties(jdbcUrl));
    Flyway.configure()
        .dataSource(jdbcUrl, null, null)
        .locations(MIGRATIONS.toArray(String[]::new))
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

  /**
   * Work done inside one transaction. It may run more than once, each time on a fresh snapshot,
   * so it changes nothing outside the database.
   */
  @FunctionalInterface
  public interface Work<T> {
    T run(Transaction transaction) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws,
   * and run again when the database aborted it for a serialization conflict.
   *
   * @throws StoreException when the database fails
   */
  public <T> T transaction(Work<T> work) {
    lock.lock();
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          return attempt(work);
        } catch (SQLException e) {
          if (!isConflict(e) || attempt == ATTEMPTS) {
            throw new StoreException("database error: " + e.getMessage(), e);
          }
        }
      }
    } finally {
      lock.unlock();
    }
  }

  private <T> T attempt(Work<T> work) throws SQLException {
    Connection c = connection();
    try {
      Transaction transaction = new Transaction(c);
      T result = work.run(transaction);
      c.commit();
      transaction.afterCommitActions().forEach(Database::runCommitted);
      return result;
    } catch (SQLException e) {
      rollback(c, e);
      dropIfBroken(c);
      throw e;
    } catch (RuntimeException e) {
      rollback(c, e);
      throw e;
    }
  }

  /** The transaction is durable whatever an action does: its failure is only logged. */
  private static void runCommitted(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      log.error("an action after a commit failed", e);
    }
  }

  private static void rollback(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** SQL's class 40, transaction rollback: PostgreSQL's serialization failure and deadlock. */
  private static boolean isConflict(SQLException e) {
    String state = e.getSQLState();
    return "40001".equals(state) || "40P01".equals(state);
  }

  private Connection connection() throws SQLException {
    if (closed) {
      throw new SQLException("the database is closed");
    }
    if (connection == null) {
      Connection c = DriverManager.getConnection(url, properties);
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      connection = c;
    }
    return connection;
  }

  /**
   * After a database error: when the server restarted or the network failed, the next
   * transaction connects again.
   */
  private void dropIfBroken(Connection c) {
    if (isValid(c)) {
      return;
    }
    connection = null;
    try {
      c.close();
    } catch (SQLException e) {
      log.debug("closing a broken connection to the database", e);
    }
  }

  private static boolean isValid(Connection c) {
    try {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  /** The JDBC URL, for logs: without its password. */
  public String url() {
    return JdbcUrls.withoutPassword(url);
  }

  /** Closes the connection; transactions fail from now on. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      if (connection != null) {
        connection.close();
        connection = null;
      }
    } catch (SQLException e) {
      throw new StoreException("closing the database: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }
}
