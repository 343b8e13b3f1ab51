package dev.cuegate.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuegate.testing.ChildCueGate;
import dev.cuegate.testing.CuebotJob;
import dev.cuegate.testing.JsonApi;
import dev.cuegate.testing.RealCuebot;
import dev.cuegate.worker.Agents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenCue's own Cuebot → CueGate's bridge (a child process, as an operator runs it) → two real
 * {@code cuegate worker} agents: jobs launched with {@code LaunchSpec} render, fail, are killed and
 * survive a crash of CueGate as on RQD hosts. Skipped unless {@code CUEBOT_IT_ENDPOINT} names a
 * Cuebot that answers.
 */
class RealCuebotBridgeTest {
  private static final Duration START_LIMIT = Duration.ofSeconds(90);
  private static final Duration JOB_LIMIT = Duration.ofSeconds(150);
  /** Above OpenCue's minimum for the {@code shell} service (3.2 GB), so Cuebot books frames. */
  private static final long WORKER_MEMORY_MB = 4096;

  @TempDir Path dir;
  @TempDir Path stateDirs;
  @TempDir Path scratch;

  private String endpoint;
  private ChildCueGate cuegate;
  private JsonApi api;
  private Agents agents;

  @BeforeEach
  void startTheBridge() {
    endpoint = RealCuebot.endpoint();
    cuegate = ChildCueGate.start(dir, Map.of(
        "CUEBOT_ENDPOINT", endpoint,
        "RQD_BRIDGE", "true",
        "RQD_PORT", Integer.toString(RealCuebot.rqdPort()),
        "RQD_HOST_NAME", "localhost",
        "RQD_REPORT_INTERVAL", "1s",
        "WORKER_SECRET_ITERATIONS", "1000"), START_LIMIT);
    api = new JsonApi(cuegate.uri(""));
    agents = new Agents(cuegate.uri(""), stateDirs);
  }

  @AfterEach
  void stop() throws InterruptedException {
    Agents.stop(agents, cuegate);
  }

  @Test
  void aLaunchedJobFinishesOnAgentsWithDefaultFlagsEveryFrameSucceededWithItsLog() {
    startDefaultAgents();

    CuebotJob job = launch("render", "echo rendering frame #IFRAME#", "1-6", 2);

    awaitTrue("the job FINISHED", () -> job.state().equals("FINISHED"));
    List<JsonNode> frames = job.frames();
    assertThat(frames).hasSize(6).allSatisfy(frame ->
        assertThat(frame.path("state").asText()).as(frame.toString()).isEqualTo("SUCCEEDED"));
    JsonNode detail = job.detail();
    for (JsonNode frame : frames) {
      Path log = Path.of(detail.path("logDir").asText(),
          detail.path("name").asText() + "." + frame.path("name").asText() + ".rqlog");
      assertThat(log).as("the frame log OpenCue's tools read")
          .content().contains("rendering frame " + frame.path("number").asInt());
    }
  }

  @Test
  void aKillFromCuebotThroughCueGateKillsTheRunningProcess() throws IOException {
    startDefaultAgents();
    Path pidFile = scratch.resolve("pid");
    CuebotJob job = launch("sleeper", "echo $$ > " + pidFile + "; exec sleep 300", "1", 0);
    awaitTrue("the process started", () -> size(pidFile) > 0);
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    JsonNode frame = job.frames().get(0);

    api.call("/job.FrameInterface/Kill", Map.of("frame", frame, "username", "cuegate-it",
        "reason", "the real-Cuebot suite kills a frame"));

    awaitTrue("the process is gone",
        () -> ProcessHandle.of(pid).map(handle -> !handle.isAlive()).orElse(true));
    awaitTrue("the frame is no longer RUNNING",
        () -> !job.frames().get(0).path("state").asText().equals("RUNNING"));
    api.call("/job.JobInterface/Kill", Map.of("job", job.detail(), "username", "cuegate-it",
        "reason", "cleaning up"));
  }

  @Test
  void aFailingFrameIsRetriedByCuebotThenDead() {
    startDefaultAgents();
    Path runs = scratch.resolve("runs");

    CuebotJob job = launch("failing", "echo run >> " + runs + "; exit 3", "1", 1);

    awaitTrue("the frame DEAD", () -> job.frames().get(0).path("state").asText().equals("DEAD"));
    JsonNode frame = job.frames().get(0);
    assertThat(frame.path("retryCount").asInt()).isEqualTo(1);
    // The worker protocol reports a failure, not its exit code: the bridge reports 1.
    assertThat(frame.path("exitStatus").asInt()).isEqualTo(1);
    assertThat(lines(runs)).hasSize(2);
    api.call("/job.JobInterface/Kill", Map.of("job", job.detail(), "username", "cuegate-it",
        "reason", "cleaning up"));
  }

  @Test
  void agentsOfOtherTaskTypesStrandNothingAndTheJobFinishesOnceAMatchingAgentComes() {
    agents.start("blender1", List.of("blender"), WORKER_MEMORY_MB);
    agents.start("blender2", List.of("blender"), WORKER_MEMORY_MB);
    awaitTrue("the bridge left both agents out of the host",
        () -> cuegate.output().contains("2 signed-on workers do not accept"));

    CuebotJob job = launch("render", "echo rendering #IFRAME#", "1-3", 1);
    awaitTrue("Cuebot knows the job", () -> job.frames().size() == 3);

    // Cuebot was offered no cores: none of the frames is RUNNING on a host that cannot run it.
    assertThat(job.frames()).allSatisfy(frame ->
        assertThat(frame.path("state").asText()).isEqualTo("WAITING"));
    agents.start("shell1", List.of("shell"), WORKER_MEMORY_MB);
    awaitTrue("the job FINISHED", () -> job.state().equals("FINISHED"));
    assertThat(job.frames()).allSatisfy(frame -> {
      assertThat(frame.path("state").asText()).isEqualTo("SUCCEEDED");
      assertThat(frame.path("retryCount").asInt()).isZero();
    });
  }

  @Test
  void cueGateKilledMidJobAndRestartedFinishesTheJobRunningNoFrameTwice() {
    startDefaultAgents();
    Path runs = scratch.resolve("runs");
    CuebotJob job = launch("crash", "sleep 1; echo $CUE_IFRAME >> " + runs, "1-8", 1);
    awaitTrue("two frames done before the kill", () -> lines(runs).size() >= 2);

    cuegate.kill();
    cuegate.restart(START_LIMIT);

    awaitTrue("the job FINISHED", () -> job.state().equals("FINISHED"));
    assertThat(job.frames()).allSatisfy(frame ->
        assertThat(frame.path("state").asText()).isEqualTo("SUCCEEDED"));
    assertThat(lines(runs)).as("each frame ran once").hasSize(8).doesNotHaveDuplicates();
  }

  private void startDefaultAgents() {
    agents.startWithDefaultTaskTypes("w1", WORKER_MEMORY_MB);
    agents.startWithDefaultTaskTypes("w2", WORKER_MEMORY_MB);
  }

  /** A one-layer job of OpenCue's demo show {@code testing}, service {@code shell}. */
  private CuebotJob launch(String layer, String command, String range, int maxRetries) {
    String name = "it_" + UUID.randomUUID().toString().substring(0, 8);
    return CuebotJob.launch(api,
        CuebotJob.spec(name, layer, command, range, maxRetries, Optional.empty()), JOB_LIMIT,
        () -> "CueGate said:\n" + tail(cuegate.output()));
  }

  private static List<String> lines(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /** Waits until {@code condition} holds; a timeout shows the end of what CueGate printed. */
  private void awaitTrue(String what, BooleanSupplier condition) {
    await(what).atMost(JOB_LIMIT).pollInterval(Duration.ofMillis(20))
        .untilAsserted(() -> assertThat(condition.getAsBoolean())
            .as(() -> what + "; CueGate said:\n" + tail(cuegate.output())).isTrue());
  }

  private static String tail(String text) {
    return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
  }
}
