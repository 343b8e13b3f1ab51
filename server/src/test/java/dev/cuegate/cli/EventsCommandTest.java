package dev.cuegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuegate.events.EventType;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.Tokens;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** {@code cuegate events}: the stream in the terminal. */
class EventsCommandTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @Test
  void printsOneLinePerEventOfTheJobAskedFor() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine command = CueGateCommand.commandLine(
        new CliEnvironment(Map.of(), Clock.systemUTC(), new ByteArrayInputStream(new byte[0])));
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(new StringWriter(), true));
    // The command follows the stream until interrupted: it runs on a thread of its own, which
    // ends when the gateway stops after the class.
    Thread follower = new Thread(() -> command.execute("events",
        "--url", gateway.uri("").toString(), "--token", Tokens.valid(),
        "--job", "comp", "--types", "frame.dead"));
    follower.setDaemon(true);
    follower.start();
    Awaitility.await("the command reads the stream").atMost(WAIT)
        .until(() -> gateway.gate().events().hasSubscribers());

    gateway.gate().events().publish(EventType.FRAME_DEAD, "testing", "other", Map.of());
    gateway.gate().events().publish(EventType.FRAME_DEAD, "testing", "comp",
        Map.of("frame", "0001-render", "exitStatus", 1));
    Awaitility.await("a line printed").atMost(WAIT).until(() -> out.toString().contains("\n"));

    assertThat(out.toString().lines().toList()).singleElement().satisfies(line -> assertThat(line)
        .contains(" frame.dead testing/comp ")
        .contains(" frame=0001-render")
        .contains(" exitStatus=1"));
  }

  @Test
  void anUnknownTypeExits2NamingIt() {
    CliRun run = CliRun.run(Map.of(), "events", "--url", gateway.uri("").toString(),
        "--token", Tokens.valid(), "--types", "frame.exploded");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("400").contains("frame.exploded");
  }

  @Test
  void aLineLeadsWithTimeTypeAndJob() throws Exception {
    String line = EventsCommand.line(new ObjectMapper().readTree(
        "{\"id\":\"7\",\"type\":\"host.down\",\"time\":\"2026-01-01T00:00:00Z\",\"host\":\"r1\","
            + "\"hostId\":\"h-1\"}"));

    assertThat(line).isEqualTo("2026-01-01T00:00:00Z host.down host=r1");
  }
}
