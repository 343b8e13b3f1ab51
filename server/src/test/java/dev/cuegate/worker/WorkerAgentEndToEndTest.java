package dev.cuegate.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.agent.AgentSettings;
import dev.cuegate.agent.AgentTimings;
import dev.cuegate.agent.Sleeper;
import dev.cuegate.agent.WorkerAgent;
import dev.cuegate.testing.GatewayExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real server, the real `cuegate worker` agent, real processes: a job renders to FINISHED. */
class WorkerAgentEndToEndTest {
  @RegisterExtension
  static final GatewayExtension gateway =
      new GatewayExtension().embedded().env("WORKER_SECRET_ITERATIONS", "1000");

  private static final AgentTimings FAST =
      new AgentTimings(
          Duration.ofSeconds(5),
          Duration.ofMillis(20),
          Duration.ofMillis(100),
          Duration.ofMillis(20),
          Duration.ofMillis(200),
          Duration.ofMillis(200),
          Duration.ofMillis(50),
          Duration.ofMillis(50),
          Duration.ofSeconds(2));

  @TempDir Path stateDirs;

  private final FarmJobs jobs = new FarmJobs(gateway);
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<WorkerAgent> agents = new ArrayList<>();

  @AfterEach
  void stopAgents() throws InterruptedException {
    for (WorkerAgent agent : agents) {
      agent.shutdown(Duration.ofSeconds(10));
    }
    threads.shutdownNow();
    assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  private void startAgent(String name, String taskType) {
    AgentSettings settings =
        new AgentSettings(
            URI.create(gateway.uri("").toString()),
            name,
            List.of(taskType),
            stateDirs.resolve(name),
            1,
            1024,
            Optional.empty(),
            FAST);
    WorkerAgent agent =
        WorkerAgent.create(
            settings,
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
            Sleeper.system());
    agents.add(agent);
    threads.submit(agent::run);
  }

  @Test
  void twoAgentsRenderEveryFrameOfAJob() throws InterruptedException {
    String taskType = FarmJobs.unique("e2e");
    String jobId = jobs.launch(taskType, "1-8", 50, 1);

    startAgent("w1", taskType);
    startAgent("w2", taskType);

    assertThat(eventuallyFinished(jobId)).isEqualTo("FINISHED");
    assertThat(jobs.frames(jobId)).hasSize(8).allMatch(frame -> frame.contains(" SUCCEEDED "));
  }

  /** Polls the job's state a bounded number of times while the agents work. */
  private String eventuallyFinished(String jobId) throws InterruptedException {
    String state = jobs.jobState(jobId);
    for (int attempt = 0; attempt < 300 && !state.equals("FINISHED"); attempt++) {
      Thread.sleep(100);
      state = jobs.jobState(jobId);
    }
    return state;
  }
}
