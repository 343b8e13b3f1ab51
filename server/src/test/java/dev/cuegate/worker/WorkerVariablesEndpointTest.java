package dev.cuegate.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuegate.testing.GatewayExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code {var}} placeholders in the tasks workers get, from {@code WORKER_VARIABLES_FILE}. */
class WorkerVariablesEndpointTest {
  @RegisterExtension
  static final GatewayExtension gateway = new GatewayExtension().embedded()
      .env("WORKER_SECRET_ITERATIONS", "1000")
      .env("WORKER_VARIABLES_FILE", variablesFile().toString());

  private final FarmJobs jobs = new FarmJobs(gateway);

  private static Path variablesFile() {
    try {
      Path file = Files.createTempFile("worker-variables", ".json");
      file.toFile().deleteOnExit();
      return Files.writeString(file, "{\"renderer\": {\"linux\": \"/usr/bin/renderer\","
          + " \"all\": \"renderer.exe\"}}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theCommandOfATaskNamesTheValueForTheWorkersPlatform() {
    // given
    String taskType = FarmJobs.unique("vars");
    jobs.launch(taskType, "1-2", 50, 1, "{renderer} -f #IFRAME# {unknown}");
    TestWorker linux = TestWorker.registerOn(gateway, "linux", FarmJobs.unique("lin"), taskType);
    TestWorker windows =
        TestWorker.registerOn(gateway, "windows", FarmJobs.unique("win"), taskType);

    // when
    JsonNode linuxTask = linux.take();
    JsonNode windowsTask = windows.take();

    // then
    assertThat(settings(linuxTask).get("cmd").asText())
        .isEqualTo("/usr/bin/renderer -f 1 {unknown}");
    assertThat(settings(windowsTask).get("cmd").asText())
        .isEqualTo("renderer.exe -f 2 {unknown}");
    assertThat(settings(linuxTask).get("env").get("CUE_FRAME").asText()).isEqualTo("0001-render");
  }

  private static JsonNode settings(JsonNode task) {
    return task.get("commands").get(0).get("settings");
  }
}
