package dev.cuegate.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuegate.config.LogFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/** {@code LOG_FORMAT=json}: one JSON object per line on stdout and in the log file. */
class JsonLogFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LoggerContext context = new LoggerContext();
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  @TempDir Path temp;

  @BeforeEach
  void shareTheMdcThatLogContextWritesTo() {
    context.setMDCAdapter(MDC.getMDCAdapter());
  }

  @AfterEach
  void stopContext() {
    context.stop();
  }

  @Test
  void everyLineIsOneJsonObjectWithTimeLevelLoggerAndMessage() throws IOException {
    LogSetup.configure(context, console, "info", temp, LogFormat.JSON);

    context.getLogger("dev.cuegate.Example").info("hello {}", "json");
    context.getLogger("dev.cuegate.Other").warn("second \"quoted\"\nline");

    List<JsonNode> lines = lines(consoleText());
    assertThat(lines).hasSize(2);
    JsonNode first = lines.get(0);
    assertThat(first.get("level").asText()).isEqualTo("INFO");
    assertThat(first.get("logger").asText()).isEqualTo("dev.cuegate.Example");
    assertThat(first.get("message").asText()).isEqualTo("hello json");
    assertThat(Instant.parse(first.get("time").asText())).isBeforeOrEqualTo(Instant.now());
    assertThat(first.has("requestId")).isFalse();
    assertThat(lines.get(1).get("message").asText()).isEqualTo("second \"quoted\"\nline");
  }

  @Test
  void requestAndTraceIdsAreFieldsWhileARequestIsHandled() throws IOException {
    LogSetup.configure(context, console, "info", temp, LogFormat.JSON);

    LogContext.Scope scope =
        LogContext.enter("req-1", "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7");
    context.getLogger("dev.cuegate.Example").info("inside");
    scope.close();
    context.getLogger("dev.cuegate.Example").info("outside");

    List<JsonNode> lines = lines(consoleText());
    assertThat(lines.get(0).get("requestId").asText()).isEqualTo("req-1");
    assertThat(lines.get(0).get("traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(lines.get(0).get("spanId").asText()).isEqualTo("00f067aa0ba902b7");
    assertThat(lines.get(1).has("requestId")).isFalse();
    assertThat(lines.get(1).has("traceId")).isFalse();
  }

  @Test
  void anExceptionIsOneFieldWithItsStackTrace() throws IOException {
    LogSetup.configure(context, console, "info", temp, LogFormat.JSON);

    context.getLogger("dev.cuegate.Example").error("failed", new IllegalStateException("boom"));

    JsonNode line = lines(consoleText()).get(0);
    assertThat(line.get("level").asText()).isEqualTo("ERROR");
    assertThat(line.get("exception").asText())
        .startsWith("java.lang.IllegalStateException: boom")
        .contains("at dev.cuegate.logging.JsonLogFormatTest");
  }

  @Test
  void theLogFileGetsTheSameJsonLines() throws IOException {
    Path file = LogSetup.configure(context, console, "info", temp, LogFormat.JSON).orElseThrow();

    context.getLogger("dev.cuegate.Example").info("to the file");

    LogSetup.flush(context, Duration.ofSeconds(10));
    assertThat(lines(Files.readString(file)).get(0).get("message").asText())
        .isEqualTo("to the file");
  }

  /** The console once the log writer has written every line logged so far. */
  private String consoleText() {
    LogSetup.flush(context, Duration.ofSeconds(10));
    return console.toString(StandardCharsets.UTF_8);
  }

  private static List<JsonNode> lines(String text) throws IOException {
    List<JsonNode> parsed = new ArrayList<>();
    for (String line : text.split("\n")) {
      parsed.add(JSON.readTree(line));
    }
    return parsed;
  }
}
