package dev.cuegate.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuegate.proto.report.FrameCompleteReport;
import dev.cuegate.proto.report.HostReport;
import dev.cuegate.proto.rqd.RunFrame;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.LogCapture;
import dev.cuegate.testing.ManualClock;
import dev.cuegate.worker.TestWorker;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bridge offers Cuebot only the workers that accept its frames' task type, and hands back a
 * frame that no worker took within {@code RQD_FRAME_TAKE_TIMEOUT}.
 */
class BridgeTaskTypeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BridgeGate bridge = new BridgeGate("typetest");
  private static final ManualClock clock = bridge.clock;
  private static final FakeCuebotScheduler cuebot = bridge.cuebot;

  @RegisterExtension
  static final GatewayExtension gateway = bridge.gateway.env("RQD_FRAME_TAKE_TIMEOUT", "45s");

  private final List<TestWorker> workers = new ArrayList<>();

  @BeforeAll
  static void dial() {
    bridge.dial();
  }

  @AfterAll
  static void stopCuebot() {
    cuebot.close();
  }

  @BeforeEach
  void forget() {
    cuebot.reset();
  }

  @AfterEach
  void signOffEveryone() {
    workers.forEach(worker -> worker.post("/sign-off", "{}"));
    report();
  }

  @Test
  void onlyWorkersThatAcceptTheBridgesTaskTypeMakeUpTheHost() {
    signOn("blender");
    report();
    assertThat(lastReportedCores()).isZero();

    signOn("default", "shell");
    report();

    // RQD_WORKER_CORES (1) for the shell worker alone; the blender worker is left out.
    assertThat(lastReportedCores()).isEqualTo(100);
  }

  @Test
  void aLaunchIsRefusedWhileOnlyWorkersOfOtherTaskTypesAreFree() {
    signOn("render");

    assertThatThrownBy(() -> launch(runFrame("0001-render")))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
          assertThat(e.getStatus().getDescription()).contains("\"shell\"");
        });
  }

  @Test
  void aFrameNoWorkerTakesIsHandedBackToCuebotWithoutUsingARetry() {
    signOn("shell");
    RunFrame frame = runFrame("0001-render");
    launch(frame);
    report();
    assertThat(cuebot.listedRunning()).contains(frame.getFrameId());

    try (LogCapture log = LogCapture.info(StrandedFrames.class.getName())) {
      clock.advance(Duration.ofSeconds(44));
      report();
      assertThat(cuebot.completions()).isEmpty();

      clock.advance(Duration.ofSeconds(2));
      report();

      FrameCompleteReport completion = completionOf(frame);
      assertThat(completion.getExitStatus()).isEqualTo(286);
      assertThat(completion.getExitSignal()).isZero();
      assertThat(cuebot.listedRunning()).doesNotContain(frame.getFrameId());
      assertThat(log.drain()).anySatisfy(line -> assertThat(line)
          .contains("0001-render", "within 45s", "1 workers accept task type \"shell\"", "286"));
    }
    // The worker that did not ask in time gets nothing for the handed-back frame.
    assertThat(workers.get(0).fetch().statusCode()).isEqualTo(204);
  }

  @Test
  void aFrameTakenInTimeIsNotHandedBack() {
    TestWorker worker = signOn("shell");
    RunFrame frame = runFrame("0001-render");
    launch(frame);
    String taskId = worker.take().get("_id").asText();

    clock.advance(Duration.ofMinutes(5));
    report();
    assertThat(cuebot.completions()).isEmpty();

    worker.finish(taskId, "completed");
    assertThat(completionOf(frame).getExitStatus()).isZero();
  }

  @Test
  void aWorkerOfOtherTaskTypesIsWarnedAtSignOnAndListedWithTheWarning() throws Exception {
    TestWorker blender = signOn("blender");
    HttpResponse<String> signOn = blender.post("/sign-on", "{}");
    HttpResponse<String> shellSignOn = signOn("shell").post("/sign-on", "{}");

    assertThat(signOn.headers().firstValue("x-cuegate-warning")).hasValueSatisfying(warning ->
        assertThat(warning).contains("[blender]", "shell", "--task-types"));
    assertThat(shellSignOn.headers().firstValue("x-cuegate-warning")).isEmpty();
    JsonNode listed = JSON.readTree(gateway.send(gateway.request("/api/workers").build()).body());
    List<String> warnings = new ArrayList<>();
    listed.path("workers").forEach(worker -> warnings.add(
        worker.path("supported_task_types").toString() + " " + worker.path("warning").asText("-")));
    assertThat(warnings).anySatisfy(line -> assertThat(line)
        .startsWith("[\"blender\"]").contains("gets no frames"));
    assertThat(warnings).contains("[\"shell\"] -");
  }

  private TestWorker signOn(String... taskTypes) {
    TestWorker worker = TestWorker.register(gateway, "w-" + UUID.randomUUID(), taskTypes);
    assertThat(worker.signOn().statusCode()).isEqualTo(204);
    workers.add(worker);
    return worker;
  }

  /** The cores the host last reported; a status report carries the host as a boot does. */
  private static int lastReportedCores() {
    List<HostReport> statuses = cuebot.statuses();
    var host = statuses.get(statuses.size() - 1).getHost();
    return host.getNumProcs() * host.getCoresPerProc();
  }

  private static void launch(RunFrame frame) {
    bridge.launch(frame);
  }

  private static void report() {
    bridge.report();
  }

  private static FrameCompleteReport completionOf(RunFrame frame) {
    report();
    return bridge.completionOf(frame);
  }

  private static RunFrame runFrame(String name) {
    return RunFrame.newBuilder()
        .setResourceId(UUID.randomUUID().toString())
        .setJobId(UUID.randomUUID().toString())
        .setJobName("testing-sh01-alice_types")
        .setFrameId(UUID.randomUUID().toString())
        .setFrameName(name)
        .setLayerId(UUID.randomUUID().toString())
        .setCommand("true")
        .setLogDir("")
        .setShow("testing")
        .setStartTime(clock.millis())
        .setNumCores(100)
        .build();
  }
}
