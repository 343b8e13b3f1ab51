package dev.cuegate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Only a table's owner touches it: the farm's store, the worker protocol, the bridge and the
 * events (their journal) each keep their tables (created by the migrations in {@code
 * db/<owner>/}) and no other package names them in SQL. The owners are told apart by their migration folders; the SQL by the string
 * literals of the main sources.
 */
class TableOwnershipTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Path MIGRATIONS = Path.of("src/main/resources/db");
  /** Which package owns the tables of each migration folder. */
  private static final Map<String, String> OWNERS = Map.of(
      "farm", "dev/cuegate/farm/store",
      "worker", "dev/cuegate/worker",
      "bridge", "dev/cuegate/bridge",
      "events", "dev/cuegate/events");
  private static final Pattern CREATE_TABLE = Pattern.compile("CREATE TABLE (\\w+)");
  private static final Pattern TABLE_REFERENCE =
      Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+(\\w+)");
  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

  @Test
  void onlyTheOwningPackageNamesATableInSql() throws IOException {
    Map<String, String> owners = tableOwners();
    List<String> violations = new ArrayList<>();
    Map<String, Set<String>> namedBy = new HashMap<>();
    for (Path file : javaFiles()) {
      String pkg = SOURCES.relativize(file.getParent()).toString().replace('\\', '/');
      for (String table : tablesNamed(Files.readString(file))) {
        String owner = owners.get(table);
        if (owner == null) {
          continue;
        }
        namedBy.computeIfAbsent(owner, o -> new TreeSet<>()).add(pkg);
        if (!owner.equals(pkg)) {
          violations.add(SOURCES.relativize(file) + " names " + table + ", which " + owner
              + " owns");
        }
      }
    }

    assertThat(violations).isEmpty();
    // The scan saw each owner's SQL: a broken scan would otherwise pass for want of findings.
    assertThat(namedBy).containsOnlyKeys(OWNERS.values());
  }

  @Test
  void onlyTheDatabasePackageHoldsAConnection() throws IOException {
    List<String> holders = new ArrayList<>();
    for (Path file : javaFiles()) {
      String text = Files.readString(file);
      if (text.contains("import java.sql.Connection;") || text.contains("DriverManager")) {
        holders.add(SOURCES.relativize(file).toString().replace('\\', '/'));
      }
    }

    assertThat(holders).isNotEmpty().allMatch(file -> file.startsWith("dev/cuegate/db/"));
  }

  @Test
  void theScanFindsSqlSplitOverConcatenatedLiterals() {
    String source = "String q = \"SELECT job_id FROM\"\n        + \" worker_blocklist WHERE x\";\n"
        + "// a comment that says \"DELETE FROM frame\"\n"
        + "char quote = '\"'; String s = \"UPDATE frame SET a = 1\";";

    assertThat(tablesNamed(source)).containsExactly("worker_blocklist", "frame");
  }

  /** The tables each migration folder creates, mapped to the package that owns them. */
  private static Map<String, String> tableOwners() throws IOException {
    Map<String, String> owners = new HashMap<>();
    for (Map.Entry<String, String> owner : OWNERS.entrySet()) {
      try (Stream<Path> scripts = Files.list(MIGRATIONS.resolve(owner.getKey()))) {
        for (Path script : scripts.toList()) {
          Matcher created = CREATE_TABLE.matcher(Files.readString(script));
          while (created.find()) {
            owners.put(created.group(1), owner.getValue());
          }
        }
      }
    }
    assertThat(owners).containsKeys("frame", "worker_task", "bridge_frame");
    return owners;
  }

  /** The tables the SQL in {@code source}'s string literals names, in order. */
  static List<String> tablesNamed(String source) {
    String code = source
        .replaceAll("(?s)/\\*.*?\\*/", "")
        .replaceAll("(?m)^\\s*//.*$", "")
        .replaceAll("'(?:[^'\\\\]|\\\\.)'", "''")
        // "SELECT … FROM" + " worker WHERE …" reads as one literal.
        .replaceAll("\"\\s*\\+\\s*\"", "");
    List<String> tables = new ArrayList<>();
    Matcher literal = STRING.matcher(code);
    while (literal.find()) {
      Matcher reference = TABLE_REFERENCE.matcher(literal.group(1));
      while (reference.find()) {
        tables.add(reference.group(1));
      }
    }
    return tables;
  }

  private static List<Path> javaFiles() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
    }
  }
}
