package dev.cuegate.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cuegate.testing.GatewayExtension;
import java.time.Duration;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real server, the real `cuegate worker` agent, real processes: a job renders to FINISHED. */
class WorkerAgentEndToEndTest extends AgentsEndToEnd {
  @RegisterExtension
  static final GatewayExtension gateway =
      new GatewayExtension().embedded().env("WORKER_SECRET_ITERATIONS", "1000");

  WorkerAgentEndToEndTest() {
    super(gateway);
  }

  @Test
  void twoAgentsRenderEveryFrameOfATwentyFrameJobEachWithItsLog() throws InterruptedException {
    // given
    String taskType = FarmJobs.unique("e2e");
    String jobId = jobs.launch(taskType, "1-20", 50, 1, "echo " + taskType + "-#IFRAME#");

    // when
    agents.start("w1", taskType);
    agents.start("w2", taskType);

    // then
    assertThat(finishedWithin(jobId, Duration.ofSeconds(60))).isEqualTo("FINISHED");
    assertThat(jobs.frames(jobId)).hasSize(20)
        .allMatch(frame -> frame.endsWith(" SUCCEEDED 0"), "SUCCEEDED without a retry");
    Map<String, String> logs = jobs.logsContaining(gateway.dataDir(), taskType);
    assertThat(logs).hasSize(20);
    assertThat(FrameLogs.framesPrinted(logs.values(), taskType))
        .as("the frame each task log shows, once per log")
        .containsExactlyInAnyOrderElementsOf(FrameLogs.range(1, 20));
  }

  /** The job's state once it is FINISHED, or when {@code limit} has passed. */
  private String finishedWithin(String jobId, Duration limit) {
    try {
      return await().atMost(limit).until(() -> jobs.jobState(jobId), "FINISHED"::equals);
    } catch (ConditionTimeoutException e) {
      return jobs.jobState(jobId);
    }
  }
}
