package dev.cuegate.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database made before the migrations had owners (all of them in one folder) opens and keeps
 * its history: only the folders changed, not the versions or the scripts.
 */
class DatabaseUpgradeTest {
  @TempDir Path dir;

  @Test
  void aDatabaseMigratedFromOneFolderOpensWithTheOwnersFolders() throws Exception {
    Path oneFolder = Files.createDirectories(dir.resolve("farm"));
    for (Path script : scripts()) {
      Files.copy(script, oneFolder.resolve(script.getFileName()));
    }
    String url = "jdbc:sqlite:" + dir.resolve("old.db");
    Flyway.configure().dataSource(url, null, null).locations("filesystem:" + oneFolder).load()
        .migrate();

    try (Database database = Database.open(url)) {
      int applied = database.transaction(tx -> Sql.count(tx,
          "SELECT COUNT(*) FROM flyway_schema_history WHERE success = ? AND version IS NOT NULL",
          true));

      assertThat(applied).isEqualTo(scripts().size());
    }
  }

  @Test
  void aFreshDatabaseGetsEveryOwnersTables() {
    String url = "jdbc:sqlite:" + dir.resolve("new.db");

    try (Database database = Database.open(url)) {
      List<String> tables = database.transaction(tx -> Sql.list(tx,
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN"
              + " ('frame', 'worker_task', 'bridge_frame') ORDER BY name",
          row -> row.getString(1)));

      assertThat(tables).containsExactly("bridge_frame", "frame", "worker_task");
    }
  }

  private static List<Path> scripts() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db"))) {
      return files.filter(file -> file.toString().endsWith(".sql")).sorted().toList();
    }
  }
}
