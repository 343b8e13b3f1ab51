package dev.cuegate.worker;

import static dev.cuegate.worker.FarmJobs.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Silent workers and silent tasks, with a clock that only the test moves. */
class WorkerTimeoutsTest {
  private static final ManualClock clock = new ManualClock(Instant.now());

  @RegisterExtension
  static final GatewayExtension gateway = new GatewayExtension().embedded().clock(clock)
      .env("WORKER_SECRET_ITERATIONS", "1000");

  private final FarmJobs farm = new FarmJobs(gateway);

  private static void sweep() {
    gateway.gate().workers().orElseThrow().sweep();
  }

  @Test
  void anAwakeWorkerSilentForAMinuteTimesOutAndItsTaskGoesBackToTheQueue() {
    String type = unique("render");
    String job = farm.launch(type, "1", 50, 1);
    TestWorker silent = TestWorker.register(gateway, unique("w"), type);
    String taskId = silent.take().get("_id").asText();
    TestWorker other = TestWorker.register(gateway, unique("w"), type);

    clock.advance(Duration.ofSeconds(59));
    sweep();
    List<String> beforeTimeout = farm.frames(job);
    clock.advance(Duration.ofSeconds(2));
    sweep();
    List<String> afterTimeout = farm.frames(job);
    String hostState = farm.ok("/host.HostInterface/GetHost", "{\"id\":\"" + silent.id + "\"}")
        .get("host").get("state").asText();

    assertThat(beforeTimeout).containsExactly("0001-render RUNNING 0");
    assertThat(afterTimeout).containsExactly("0001-render WAITING 0");
    assertThat(hostState).isEqualTo("DOWN");
    assertThat(other.take().get("_id").asText()).isEqualTo(taskId);
  }

  @Test
  void anActiveTaskWithoutUpdatesForTenMinutesFails() {
    String type = unique("render");
    String job = farm.launch(type, "1", 50, 3);
    TestWorker worker = TestWorker.register(gateway, unique("w"), type);
    TestWorker other = TestWorker.register(gateway, unique("w"), type);
    String taskId = worker.take().get("_id").asText();

    // The worker stays in touch but never reports on its task.
    for (int minute = 0; minute < 9; minute++) {
      clock.advance(Duration.ofSeconds(59));
      assertThat(worker.mayRun(taskId).statusCode()).isEqualTo(200);
      assertThat(other.get("/status-change").statusCode()).isEqualTo(204);
      sweep();
    }
    List<String> beforeTimeout = farm.frames(job);
    clock.advance(Duration.ofSeconds(70));
    assertThat(worker.get("/status-change").statusCode()).isEqualTo(204);
    assertThat(other.get("/status-change").statusCode()).isEqualTo(204);
    sweep();

    assertThat(beforeTimeout).containsExactly("0001-render RUNNING 0");
    assertThat(farm.frames(job)).containsExactly("0001-render WAITING 1");
    assertThat(TestWorker.parse(worker.mayRun(taskId).body()).get("may_keep_running").asBoolean())
        .isFalse();
    assertThat(worker.fetch().statusCode()).isEqualTo(204);
    assertThat(other.take().get("failed_by_workers").get(0).get("id").asText())
        .isEqualTo(worker.id);
  }

  @Test
  void aTaskKeptUpToDateNeverTimesOut() {
    String type = unique("render");
    String job = farm.launch(type, "1", 50, 1);
    TestWorker worker = TestWorker.register(gateway, unique("w"), type);
    String taskId = worker.take().get("_id").asText();

    for (int i = 0; i < 30; i++) {
      clock.advance(Duration.ofSeconds(30));
      assertThat(worker.update(taskId, "{\"activity\":\"step " + i + "\"}").statusCode())
          .isEqualTo(204);
      sweep();
    }

    assertThat(farm.frames(job)).containsExactly("0001-render RUNNING 0");
  }
}
