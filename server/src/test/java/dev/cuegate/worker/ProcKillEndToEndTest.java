package dev.cuegate.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuegate.testing.GatewayExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A proc killed through OpenCue's API stops the real process a real {@code cuegate worker} runs
 * for it, and its frame waits again.
 */
class ProcKillEndToEndTest extends AgentsEndToEnd {
  @RegisterExtension
  static final GatewayExtension gateway =
      new GatewayExtension().embedded().env("WORKER_SECRET_ITERATIONS", "1000");

  ProcKillEndToEndTest() {
    super(gateway);
  }

  @Test
  void killingTheProcOfARunningCommandStopsItLongBeforeItWouldEnd() {
    String taskType = FarmJobs.unique("prockill");
    String host = FarmJobs.unique("killed");
    String jobId = jobs.launch(taskType, "1", 50, 1, "sleep 120");
    String job = jobs.ok("/job.JobInterface/GetJob", "{\"id\":\"" + jobId + "\"}")
        .get("job").get("name").asText();
    agents.start(host, taskType);
    String procId = await().atMost(Duration.ofSeconds(30))
        .until(() -> procOf(job), id -> !id.isEmpty());
    // Locked, the worker falls asleep once its task has stopped instead of taking the frame again.
    jobs.ok("/host.HostInterface/Lock", "{\"host\":{\"name\":\"" + host + "\"}}");

    jobs.ok("/host.ProcInterface/Kill", "{\"proc\":{\"id\":\"" + procId + "\"}}");

    // Asleep means the agent's task ended: it asks for work only once its command is gone.
    await().atMost(Duration.ofSeconds(30)).until(() -> status(host), "asleep"::equals);
    assertThat(jobs.frames(jobId)).containsExactly("0001-render WAITING 0");
    assertThat(procOf(job)).isEmpty();
  }

  /** The id of the job's one proc; empty while it has none. */
  private String procOf(String job) {
    JsonNode procs = jobs.ok("/host.ProcInterface/GetProcs", "{\"r\":{\"jobs\":[\"" + job + "\"]}}")
        .get("procs").get("procs");
    return procs.isEmpty() ? "" : procs.get(0).get("id").asText();
  }

  private String status(String nickname) {
    for (JsonNode worker : TestWorker.parse(jobs.get("/api/workers").body()).get("workers")) {
      if (worker.get("nickname").asText().equals(nickname)) {
        return worker.get("status").asText();
      }
    }
    return "";
  }
}
