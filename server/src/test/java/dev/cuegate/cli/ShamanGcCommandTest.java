package dev.cuegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShamanGcCommandTest {
  @TempDir Path data;

  private static final String CHECKSUM =
      "aa2f9e4e9ad1d5b3e4fd1fd9d8b8f1c7c0f8a1e2b3c4d5e6f708192a3b4c5d6e";

  /** A blob as the store lays it out, last used {@code age} ago. */
  private Path oldBlob(Duration age) throws IOException {
    Path blob =
        data.resolve("shaman/file-store/stored")
            .resolve(CHECKSUM.substring(0, 2))
            .resolve(CHECKSUM.substring(2))
            .resolve("5.blob");
    Files.createDirectories(blob.getParent());
    Files.writeString(blob, "hello");
    Files.setLastModifiedTime(blob, FileTime.from(Instant.now().minus(age)));
    return blob;
  }

  @Test
  void dryRunListsAnUnusedOldBlobAndKeepsIt() throws IOException {
    Path blob = oldBlob(Duration.ofDays(40));

    CliRun run = CliRun.run(Map.of("DATA_DIR", data.toString()), "shaman", "gc", "--dry-run");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("would remove " + blob).contains("would remove 1 blob(s), 5 bytes");
    assertThat(blob).exists();
  }

  @Test
  void gcRemovesAnUnusedOldBlobButNotARecentOne() throws IOException {
    Path blob = oldBlob(Duration.ofDays(40));

    CliRun run = CliRun.run(Map.of("DATA_DIR", data.toString()), "shaman", "gc");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("removed 1 blob(s), 5 bytes");
    assertThat(blob).doesNotExist();
  }

  @Test
  void recentBlobsAreKept() throws IOException {
    Path blob = oldBlob(Duration.ofDays(1));

    CliRun run = CliRun.run(Map.of("DATA_DIR", data.toString()), "shaman", "gc");

    assertThat(run.out()).contains("removed 0 blob(s), 0 bytes");
    assertThat(blob).exists();
  }

  @Test
  void aBadSettingIsAUsageErrorNamingTheVariable() {
    CliRun run =
        CliRun.run(
            Map.of("DATA_DIR", data.toString(), "SHAMAN_GC_MAX_AGE", "soon"), "shaman", "gc");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("SHAMAN_GC_MAX_AGE");
  }
}
