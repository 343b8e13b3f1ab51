package dev.cuegate.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogSetupTest {

  private final LoggerContext context = new LoggerContext();
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  @TempDir
  Path temp;

  @BeforeEach
  void giveTheStandaloneContextAnMdc() {
    // The process-wide context gets one from SLF4J's binding; a context made here does not.
    context.setMDCAdapter(new LogbackMDCAdapter());
  }

  @AfterEach
  void stopContext() {
    context.stop();
  }

  /** The console once the log writer has written every line logged so far. */
  private String consoleText() {
    LogSetup.flush(context, Duration.ofSeconds(10));
    return console.toString(StandardCharsets.UTF_8);
  }

  @Test
  void logFileIsCreatedInAWritableDirectoryThatDidNotExist() throws IOException {
    Path dir = temp.resolve("logs/nested");

    Optional<Path> file = LogSetup.configure(context, console, "info", dir);
    context.getLogger("dev.cuegate.Example").info("hello file");

    assertThat(file).contains(dir.resolve("opencue_gateway.log"));
    LogSetup.flush(context, Duration.ofSeconds(10));
    assertThat(Files.readString(file.orElseThrow())).contains("INFO", "hello file");
    assertThat(consoleText()).contains("hello file");
  }

  @Test
  void unwritableDirectoryLeavesStdoutWithOneWarningAndNoCrash() throws IOException {
    Path regularFile = Files.writeString(temp.resolve("not-a-dir"), "x");
    Path dir = regularFile.resolve("logs");

    Optional<Path> file = LogSetup.configure(context, console, "info", dir);
    context.getLogger("dev.cuegate.Example").info("still logging");

    assertThat(file).isEmpty();
    assertThat(consoleText().lines().filter(line -> line.contains("WARN")))
        .singleElement().asString()
        .contains("LOG_DIR " + dir + " is not writable", "stdout only");
    assertThat(consoleText()).contains("still logging");
  }

  @Test
  void infoLevelQuietsNoisyLibrariesButNotOurs() {
    LogSetup.configure(context, console, "info", temp);

    assertThat(context.getLogger("io.netty.channel").getEffectiveLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("io.grpc.internal").getEffectiveLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("com.linecorp.armeria.server").getEffectiveLevel())
        .isEqualTo(Level.WARN);
    assertThat(context.getLogger(LogSetup.ACCESS_LOGGER).getEffectiveLevel())
        .isEqualTo(Level.INFO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"debug", "TRACE"})
  void debugLevelsLetLibrariesSpeak(String level) {
    LogSetup.configure(context, console, level, temp);

    Level expected = Level.toLevel(level);
    assertThat(context.getLogger("io.netty.channel").getEffectiveLevel()).isEqualTo(expected);
    assertThat(context.getLogger("io.grpc").getEffectiveLevel()).isEqualTo(expected);
  }

  @Test
  void errorLevelSilencesAccessLinesButNeverTheAuditTrail() {
    LogSetup.configure(context, console, "error", temp);
    context.getLogger(LogSetup.ACCESS_LOGGER).info("POST /show.ShowInterface/GetShows 200");
    context.getLogger(LogSetup.AUDIT_LOGGER).info("alice job.JobInterface/Kill OK");

    assertThat(consoleText())
        .doesNotContain("GetShows")
        .contains("alice job.JobInterface/Kill OK");
  }

  @Test
  void reconfiguringDoesNotCloseTheConsoleStream() {
    LogSetup.configure(context, console, "info", temp);
    LogSetup.configure(context, console, "info", temp);
    context.getLogger("x").info("after reconfiguration");

    assertThat(consoleText()).contains("after reconfiguration");
  }

  @Test
  void unknownLevelIsRefused() {
    assertThatThrownBy(() -> LogSetup.configure(context, console, "verbose", temp))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("verbose");
  }
}
