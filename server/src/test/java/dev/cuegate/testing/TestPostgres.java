package dev.cuegate.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * One PostgreSQL server per test JVM, run from the binaries that zonky ships in Maven jars
 * (nothing to install or download), started on first use and stopped by zonky's shutdown hook
 * at JVM exit. Each caller gets a database of its own.
 *
 * <p>PostgreSQL refuses to run as root. When the tests run as root (containers, CI), zonky starts
 * {@code initdb} and {@code pg_ctl} under {@code unshare -U}, in a user namespace where they are
 * not root, so the machine must allow unprivileged user namespaces; no other user is needed.
 */
public final class TestPostgres {
  private TestPostgres() {}

  /** Started by the first test that needs it, not by every test JVM. */
  private static final class Server {
    static final EmbeddedPostgres INSTANCE = start();

    private static EmbeddedPostgres start() {
      try {
        return EmbeddedPostgres.builder()
            // A test database that loses its last commits in a crash loses nothing of value.
            .setServerConfig("fsync", "off")
            .setServerConfig("full_page_writes", "off")
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException("starting the test PostgreSQL server", e);
      }
    }
  }

  /**
   * The JDBC URL of a new, empty database. Its byte-order collation sorts text as SQLite does,
   * whatever the machine's locale, so the same tests hold on both.
   */
  public static String freshDatabase() {
    EmbeddedPostgres server = Server.INSTANCE;
    String name = "farm_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name
          + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
    } catch (SQLException e) {
      throw new IllegalStateException("creating the test database " + name, e);
    }
    return server.getJdbcUrl("postgres", name);
  }
}
