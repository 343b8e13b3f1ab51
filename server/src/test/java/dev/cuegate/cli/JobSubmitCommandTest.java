package dev.cuegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuegate.farm.FarmSpecs;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.Tokens;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

class JobSubmitCommandTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension().embedded();

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    CommandLine command = new CommandLine(new JobSubmitCommand(env, Clock.systemUTC()));
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    return command.execute(args);
  }

  private String url() {
    return gateway.uri("").toString();
  }

  @Test
  void submitBuildsASpecFromFlagsAndPrintsTheJobName() throws IOException {
    String name = FarmSpecs.uniqueName("cli");

    int exit = run(Map.of("JWT_SECRET", Tokens.SECRET, "USER", "jdoe"),
        "--url", url(), "--show", "testing", "--shot", "sh01", "--name", name,
        "--layer", "render", "--cmd", "echo #IFRAME#", "--range", "1-10", "--chunk", "5",
        "--layer", "comp", "--cmd", "echo comp & done", "--range", "1");

    assertThat(err.toString()).isEmpty();
    assertThat(exit).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).isEqualTo(FarmSpecs.fullName(name) + System.lineSeparator());
    JsonNode job = new ObjectMapper().readTree(gateway.post("/job.JobInterface/FindJob",
        "{\"name\":\"" + FarmSpecs.fullName(name) + "\"}").body()).get("job");
    JsonNode layers = new ObjectMapper().readTree(gateway.post("/job.JobInterface/GetLayers",
        "{\"job\":{\"id\":\"" + job.get("id").asText() + "\"}}").body())
        .get("layers").get("layers");
    List<String> described = new ArrayList<>();
    layers.forEach(layer -> described.add(layer.get("name").asText() + " "
        + layer.get("range").asText() + " " + layer.get("chunkSize").asInt() + " "
        + layer.get("command").asText()));
    assertThat(described).containsExactly("render 1-10 5 echo #IFRAME#", "comp 1 1 echo comp & done");
  }

  @Test
  void anExplicitTokenIsUsedAsGiven() {
    int exit = run(Map.of(), "--url", url(), "--token", Tokens.valid(), "--user", "jdoe",
        "--show", "testing", "--shot", "sh01", "--name", FarmSpecs.uniqueName("token"),
        "--layer", "render", "--cmd", "true", "--range", "1");

    assertThat(exit).isEqualTo(ExitCodes.OK);
  }

  @Test
  void withoutAnyTokenSourceItFailsWithUsage() {
    int exit = run(Map.of("USER", "jdoe"), "--url", url(), "--show", "testing", "--shot", "sh01",
        "--name", "notoken", "--layer", "render", "--cmd", "true", "--range", "1");

    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("no token");
  }

  @Test
  void aRefusedSpecPrintsTheGatewaysMessage() {
    int exit = run(Map.of("JWT_SECRET", Tokens.SECRET, "USER", "jdoe"),
        "--url", url(), "--show", "nosuchshow", "--shot", "sh01", "--name", "refused",
        "--layer", "render", "--cmd", "true", "--range", "1");

    assertThat(exit).isEqualTo(ExitCodes.FAILED);
    assertThat(err.toString()).contains("400", "show \"nosuchshow\" does not exist");
  }
}
