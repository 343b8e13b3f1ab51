package dev.cuegate.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cuegate.testing.ChildCueGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CueGate as a real process, killed with SIGKILL while two agents render a job, then started
 * again on the same data and port: the agents ride it out and the job completes.
 */
class WorkerCrashTest {
  private static final Duration START_LIMIT = Duration.ofSeconds(90);

  @TempDir Path dir;
  @TempDir Path stateDirs;

  private ChildCueGate cuegate;
  private Agents agents;

  @AfterEach
  void stop() throws InterruptedException {
    Agents.stop(agents, cuegate);
  }

  @Test
  void aJobStillCompletesWhenCueGateIsKilledMidJobAndRestarted()
      throws InterruptedException, IOException {
    // given: two agents half-way through a job of ten frames that take a moment each
    cuegate = ChildCueGate.start(dir, Map.of("WORKER_SECRET_ITERATIONS", "1000"), START_LIMIT);
    FarmJobs jobs = new FarmJobs(path -> cuegate.uri(path));
    String taskType = FarmJobs.unique("crash");
    String jobId = jobs.launch(taskType, "1-10", 50, 1,
        "sh -c 'echo " + taskType + "-#IFRAME#; sleep 0.3'");
    agents = new Agents(cuegate.uri(""), stateDirs);
    agents.start("w1", taskType);
    agents.start("w2", taskType);
    await("frames done before the kill").atMost(Duration.ofSeconds(60))
        .until(() -> succeeded(jobs.frames(jobId)) >= 3);

    // when
    cuegate.kill();
    cuegate.restart(START_LIMIT);

    // then
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
        assertThat(jobs.jobState(jobId)).as(cuegate::output).isEqualTo("FINISHED"));
    assertThat(jobs.frames(jobId)).hasSize(10)
        .allMatch(frame -> frame.endsWith(" SUCCEEDED 0"), "SUCCEEDED without a retry");
    Map<String, String> logs = jobs.logsContaining(cuegate.dataDir(), taskType);
    assertThat(logs).hasSize(10);
    // An update whose answer the kill cut off is sent again and its lines appended again, so a
    // log may repeat its own frame's output; it never shows another frame's.
    assertThat(logs.values()).allSatisfy(log ->
        assertThat(new HashSet<>(FrameLogs.framesPrinted(List.of(log), taskType))).hasSize(1));
    assertThat(FrameLogs.framesPrinted(logs.values(), taskType).stream().distinct())
        .containsExactlyInAnyOrderElementsOf(FrameLogs.range(1, 10));
    assertThat(rotatedLogs(cuegate.dataDir())).as("logs of tasks that started twice").isEmpty();
  }

  /** A task's earlier logs, kept as {@code .txt.1} and up when it starts again. */
  private static List<Path> rotatedLogs(Path dataDir) throws IOException {
    try (Stream<Path> files = Files.walk(dataDir.resolve("task-logs"))) {
      return files.filter(file -> file.getFileName().toString().matches(".*\\.txt\\.\\d+"))
          .toList();
    }
  }

  private static long succeeded(List<String> frames) {
    return frames.stream().filter(frame -> frame.contains(" SUCCEEDED ")).count();
  }
}
