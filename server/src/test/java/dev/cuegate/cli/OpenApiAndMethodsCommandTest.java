package dev.cuegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cuegate openapi} and {@code cuegate methods}: offline views of the contract. */
class OpenApiAndMethodsCommandTest {

  @Test
  void openapiWritesTheJsonDocumentToStdout() throws Exception {
    CliRun run = CliRun.run(Map.of(), "openapi");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    JsonNode doc = new ObjectMapper().readTree(run.out());
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    assertThat(doc.get("paths").has("/job.JobInterface/GetJobs")).isTrue();
  }

  @Test
  void openapiWritesYamlToAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("openapi.yaml");

    CliRun run = CliRun.run(Map.of(), "openapi", "--yaml", "-o", file.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).isEmpty();
    JsonNode doc = new YAMLMapper().readTree(Files.readString(file));
    assertThat(doc.get("paths").has("/show.ShowInterface/GetShows")).isTrue();
  }

  @Test
  void openapiHonoursHiddenServices() throws Exception {
    CliRun run = CliRun.run(Map.of("HIDDEN_SERVICES", "rqd.*,report.*,host.*"), "openapi");

    JsonNode paths = new ObjectMapper().readTree(run.out()).get("paths");
    assertThat(paths.has("/show.ShowInterface/GetShows")).isTrue();
    assertThat(paths.has("/host.HostInterface/Lock")).isFalse();
  }

  @Test
  void badHiddenServicesIsAUsageError() {
    CliRun run = CliRun.run(Map.of("HIDDEN_SERVICES", "not a pattern"), "openapi");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("HIDDEN_SERVICES");
  }

  @Test
  void methodsListsMatchingMethodsWithTheirRequestFields() {
    CliRun run = CliRun.run(Map.of(), "methods", "jobinterface/getframes");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out().strip())
        .isEqualTo("job.JobInterface/GetFrames {job: job.Job, req: job.FrameSearchCriteria}");
  }

  @Test
  void methodsShowsRepeatedFieldsAsLists() {
    CliRun run = CliRun.run(Map.of(), "methods", "JobInterface/GetJobs");

    assertThat(run.out()).contains("job.JobInterface/GetJobs {r: job.JobSearchCriteria}");
  }

  @Test
  void methodsWithoutFilterListsEveryExposedMethodButNoRqd() {
    CliRun run = CliRun.run(Map.of(), "methods");

    assertThat(run.out().lines().count()).isGreaterThan(200);
    assertThat(run.out()).doesNotContain("rqd.").doesNotContain("report.RqdReportInterface/");
  }

  @Test
  void methodsWithAFilterThatMatchesNothingExitsWith1() {
    CliRun run = CliRun.run(Map.of(), "methods", "NoSuchMethod");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.err()).contains("NoSuchMethod");
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"serve", "token", "call", "openapi", "methods"}) {
      CliRun run = CliRun.run(Map.of(), command, "--help");
      assertThat(run.exitCode()).as(command).isEqualTo(ExitCodes.OK);
      assertThat(run.out()).as(command).startsWith("Usage: cuegate " + command);
    }
    assertThat(CliRun.run(Map.of(), "--help").out()).contains("token", "call", "openapi", "methods");
  }
}
