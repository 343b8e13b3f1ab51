package dev.cuegate.testing;

import java.nio.file.Path;

/** The databases the embedded farm runs on, for tests that must hold on each of them. */
public enum TestDatabase {
  /** The default: a file under the data directory. */
  SQLITE {
    @Override
    public String freshUrl(Path dir) {
      return "jdbc:sqlite:" + dir.resolve("farm.db");
    }
  },
  /** A new database on the test JVM's shared PostgreSQL server. */
  POSTGRES {
    @Override
    public String freshUrl(Path dir) {
      return TestPostgres.freshDatabase();
    }
  };

  /** The JDBC URL of a new, empty database; a SQLite file goes into {@code dir}. */
  public abstract String freshUrl(Path dir);
}
