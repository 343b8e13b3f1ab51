package dev.cuegate.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuegate.proto.report.FrameCompleteReport;
import dev.cuegate.proto.report.HostReport;
import dev.cuegate.proto.rqd.RqdStaticGetRunningFrameStatusRequest;
import dev.cuegate.proto.rqd.RqdStaticKillRunningFrameRequest;
import dev.cuegate.proto.rqd.RqdStaticLaunchFrameRequest;
import dev.cuegate.proto.rqd.RqdStaticLockAllRequest;
import dev.cuegate.proto.rqd.RqdStaticRebootNowRequest;
import dev.cuegate.proto.rqd.RqdStaticUnlockAllRequest;
import dev.cuegate.proto.rqd.RunFrame;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.ManualClock;
import dev.cuegate.worker.TestWorker;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge's RQD host towards Cuebot, driven call by call (Cuebot's side by the test, the
 * worker's side by plain HTTP requests) with a manual clock for the timeouts. Each test gets a
 * CueGate of its own: locks, frames and workers never pass from one test to the next.
 */
class BridgeHostTest {
  private static final BridgeGate bridge = new BridgeGate("hosttest");
  private static final ManualClock clock = bridge.clock;
  private static final FakeCuebotScheduler cuebot = bridge.cuebot;

  @RegisterExtension
  static final GatewayExtension gateway = bridge.gateway
      .env("RQD_WORKER_CORES", "4")
      .env("RQD_WORKER_MEMORY_MB", "1000")
      .perTest();

  private final String jobId = UUID.randomUUID().toString();
  private final String layerId = UUID.randomUUID().toString();
  private TestWorker worker;
  @TempDir Path logDir;

  @AfterAll
  static void stopCuebot() {
    cuebot.close();
  }

  @BeforeEach
  void dialTheHostAndSignOnAWorker() {
    cuebot.reset();
    bridge.dial();
    worker = TestWorker.register(gateway, "w-" + UUID.randomUUID(), "shell");
    assertThat(worker.signOn().statusCode()).isEqualTo(204);
  }

  @Test
  void aLaunchedFrameIsStoredListedAndHandedToAWorker() throws IOException {
    RunFrame frame = runFrame("0001-render", "echo hi").toBuilder()
        .setLogDir(logDir.toString()).build();

    cuebot.rqd().launchFrame(launch(frame));
    report();

    assertThat(cuebot.listedRunning()).contains(frame.getFrameId());
    var listed = lastStatus().getFramesList().stream()
        .filter(info -> info.getFrameId().equals(frame.getFrameId())).findFirst().orElseThrow();
    assertThat(listed.getResourceId()).isEqualTo(frame.getResourceId());
    assertThat(listed.getStartTime()).isEqualTo(frame.getStartTime());
    assertThat(listed.getJobId()).isEqualTo(jobId);
    assertThat(listed.getRss()).isZero();
    assertThat(cuebot.rqd().getRunningFrameStatus(RqdStaticGetRunningFrameStatusRequest
        .newBuilder().setFrameId(frame.getFrameId()).build()).getRunningFrameInfo()
        .getFrameName()).isEqualTo("0001-render");

    JsonNode task = worker.take();
    JsonNode exec = task.get("commands").get(0);
    assertThat(exec.get("settings").get("cmd").asText()).isEqualTo("/bin/sh -c 'echo hi'");
    assertThat(exec.get("settings").get("env").get("CUE_FRAME").asText())
        .isEqualTo("0001-render");
    assertThat(task.get("task_type").asText()).isEqualTo("shell");

    assertThat(worker.update(task.get("_id").asText(), "{\"log\":\"hi\"}").statusCode())
        .isEqualTo(204);
    worker.finish(task.get("_id").asText(), "completed");
    report();

    // Where OpenCue's tools look for a frame's log, besides the task log.
    assertThat(Files.readString(logDir.resolve("testing-sh01-alice_host.0001-render.rqlog")))
        .isEqualTo("hi\n");
    FrameCompleteReport completion = completionOf(frame);
    assertThat(completion.getExitStatus()).isZero();
    assertThat(completion.getFrame().getResourceId()).isEqualTo(frame.getResourceId());
    assertThat(completion.getHost().getName()).isEqualTo("hosttest");
    assertThat(completion.getHost().getFreeMem()).isGreaterThanOrEqualTo(512 * 1024L);
    assertThat(cuebot.listedRunning()).doesNotContain(frame.getFrameId());
  }

  @Test
  void aLaunchNoWorkerCanTakeIsRefusedAtOnce() {
    cuebot.rqd().launchFrame(launch(runFrame("0001-render", "sleep 1")));

    // The only worker's frame still waits for it: a second frame has nobody to run it.
    assertThatThrownBy(() -> cuebot.rqd().launchFrame(launch(runFrame("0002-render", "true"))))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    worker.finish(worker.take().get("_id").asText(), "completed");
  }

  @Test
  void aLockedHostRefusesNewFramesAndReportsItsCoresLocked() {
    cuebot.rqd().lockAll(RqdStaticLockAllRequest.getDefaultInstance());
    report();

    assertThatThrownBy(() -> cuebot.rqd().launchFrame(launch(runFrame("0001-render", "true"))))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
    assertThat(lastStatus().getCoreInfo().getLockedCores())
        .isEqualTo(lastStatus().getCoreInfo().getTotalCores())
        .isPositive();
    assertThat(lastStatus().getCoreInfo().getIdleCores()).isZero();

    cuebot.rqd().unlockAll(RqdStaticUnlockAllRequest.getDefaultInstance());
    cuebot.rqd().launchFrame(launch(runFrame("0001-render", "true")));
    worker.finish(worker.take().get("_id").asText(), "completed");
  }

  @Test
  void killingAFrameThatDoesNotRunHereIsNotFound() {
    assertThatThrownBy(() -> cuebot.rqd().killRunningFrame(RqdStaticKillRunningFrameRequest
            .newBuilder().setFrameId(UUID.randomUUID().toString()).build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
  }

  @Test
  void aKilledFrameTellsItsWorkerToStopAndIsReportedKilled() {
    RunFrame frame = runFrame("0001-render", "sleep 60");
    cuebot.rqd().launchFrame(launch(frame));
    String taskId = worker.take().get("_id").asText();

    cuebot.rqd().killRunningFrame(RqdStaticKillRunningFrameRequest.newBuilder()
        .setFrameId(frame.getFrameId()).setMessage("killed by alice").build());
    report();

    assertThat(worker.mayRun(taskId).body()).contains("\"may_keep_running\":false");
    FrameCompleteReport completion = completionOf(frame);
    assertThat(completion.getExitStatus()).isEqualTo(1);
    assertThat(completion.getExitSignal()).isEqualTo(9);
  }

  @Test
  void aFrameOfALostWorkerIsReportedInterruptedAfterTheWorkerTimeout() {
    RunFrame frame = runFrame("0001-render", "sleep 600");
    cuebot.rqd().launchFrame(launch(frame));
    worker.take();

    clock.advance(Duration.ofMinutes(2));
    gateway.gate().workers().orElseThrow().sweep();
    report();

    // 286: Cuebot re-queues it without using one of its retries.
    assertThat(completionOf(frame).getExitStatus()).isEqualTo(286);
    assertThat(cuebot.listedRunning()).doesNotContain(frame.getFrameId());
    assertThat(worker.signOn().statusCode()).isEqualTo(204);
  }

  @Test
  void aCompletionIsResentUntilCuebotTakesIt() {
    RunFrame frame = runFrame("0001-render", "true");
    cuebot.rqd().launchFrame(launch(frame));
    cuebot.refuseCompletions(3);
    worker.finish(worker.take().get("_id").asText(), "completed");

    for (int attempt = 0; attempt < 10 && cuebot.completions().isEmpty(); attempt++) {
      clock.advance(Duration.ofSeconds(30));
      report();
    }

    assertThat(cuebot.completions()).extracting(c -> c.getFrame().getFrameId())
        .containsExactly(frame.getFrameId());
  }

  @Test
  void aRestartedBridgeAnnouncesItselfAndReportsTheFramesStillRunning() {
    RunFrame frame = runFrame("0001-render", "sleep 5");
    cuebot.rqd().launchFrame(launch(frame));
    String taskId = worker.take().get("_id").asText();
    int boots = cuebot.boots().size();

    gateway.restart();
    cuebot.dialHost(gateway.gate().bridge().orElseThrow().port());
    report();

    assertThat(cuebot.boots()).hasSizeGreaterThan(boots);
    assertThat(cuebot.listedRunning()).contains(frame.getFrameId());
    worker.finish(taskId, "completed");
    report();
    assertThat(completionOf(frame).getExitStatus()).isZero();
  }

  @Test
  void anIdleHostAnnouncesItsNewCapacityAndARebootRequestAFreshBoot() {
    report();
    int cores = lastBootCores();
    TestWorker second = TestWorker.register(gateway, "w-" + UUID.randomUUID(), "shell");
    assertThat(second.signOn().statusCode()).isEqualTo(204);

    report();

    // The second worker declared no cores: it counts as RQD_WORKER_CORES = 4.
    assertThat(lastBootCores()).isEqualTo(cores + 400);
    second.post("/sign-off", "{}");

    int boots = cuebot.boots().size();
    cuebot.rqd().rebootNow(RqdStaticRebootNowRequest.getDefaultInstance());
    report();
    assertThat(cuebot.boots()).hasSizeGreaterThan(boots);
  }

  @Test
  void coresAndMemoryDeclaredAtSignOnShapeTheHost() {
    report();
    int cores = lastBootCores();
    TestWorker big = TestWorker.register(gateway, "w-" + UUID.randomUUID(), "shell");

    assertThat(big.post("/sign-on", "{\"cores\":6,\"memory_mb\":3000}").statusCode())
        .isEqualTo(204);
    report();

    assertThat(lastBootCores()).isEqualTo(cores + 600);
  }

  private int lastBootCores() {
    List<dev.cuegate.proto.report.BootReport> boots = cuebot.boots();
    var host = boots.get(boots.size() - 1).getHost();
    return host.getNumProcs() * host.getCoresPerProc();
  }

  private static void report() {
    bridge.report();
  }

  private static HostReport lastStatus() {
    List<HostReport> statuses = cuebot.statuses();
    assertThat(statuses).isNotEmpty();
    return statuses.get(statuses.size() - 1);
  }

  private static FrameCompleteReport completionOf(RunFrame frame) {
    return bridge.completionOf(frame);
  }

  private static RqdStaticLaunchFrameRequest launch(RunFrame frame) {
    return RqdStaticLaunchFrameRequest.newBuilder().setRunFrame(frame).build();
  }

  private RunFrame runFrame(String name, String command) {
    return bridge.runFrame("testing-sh01-alice_host", name, command)
        .setJobId(jobId)
        .setLayerId(layerId)
        .build();
  }
}
