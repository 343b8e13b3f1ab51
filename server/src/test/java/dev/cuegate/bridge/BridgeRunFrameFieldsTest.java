package dev.cuegate.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuegate.proto.report.FrameCompleteReport;
import dev.cuegate.proto.rqd.RunFrame;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.ManualClock;
import dev.cuegate.worker.TestWorker;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every {@code RunFrame} field that may arrive empty, and every nullable column on the bridge's
 * path: a frame with any of them runs and is reported, or is refused at launch with the field's
 * name; none ends in a server error.
 */
class BridgeRunFrameFieldsTest {
  private static final BridgeGate bridge = new BridgeGate("fieldtest");
  private static final ManualClock clock = bridge.clock;
  private static final FakeCuebotScheduler cuebot = bridge.cuebot;

  @RegisterExtension static final GatewayExtension gateway = bridge.gateway;

  private TestWorker worker;

  @BeforeAll
  static void dial() {
    bridge.dial();
  }

  @AfterAll
  static void stopCuebot() {
    cuebot.close();
  }

  @BeforeEach
  void signOnAWorker() {
    cuebot.reset();
    worker = TestWorker.register(gateway, "w-" + UUID.randomUUID(), "shell");
    assertThat(worker.signOn().statusCode()).isEqualTo(204);
  }

  @AfterEach
  void signOff() {
    worker.post("/sign-off", "{}");
  }

  @Test
  void anEmptyLogDirKeepsTheLinesInTheTaskLogAndTheFrameIsReported() {
    RunFrame frame = runFrame().setLogDir("").build();
    launch(frame);
    JsonNode task = worker.take();
    String taskId = task.get("_id").asText();

    // Before the fix, the update looked for the .rqlog file and failed with a 500.
    assertThat(worker.update(taskId, "{\"log\":\"a line\"}").statusCode()).isEqualTo(204);
    worker.finish(taskId, "completed");

    assertThat(completionOf(frame).getExitStatus()).isZero();
    Path taskLogs = gateway.config().dataDir().resolve("task-logs");
    assertThat(taskLogs.resolve(task.get("job").asText()).resolve("task-" + taskId + ".txt"))
        .content().contains("a line");
  }

  @ParameterizedTest
  @ValueSource(strings = {"frame_id", "job_id", "layer_id", "frame_name"})
  void aLaunchWithoutAnIdOrNameIsRefusedNamingTheField(String field) {
    RunFrame.Builder frame = runFrame();
    switch (field) {
      case "frame_id" -> frame.setFrameId("");
      case "job_id" -> frame.setJobId("");
      case "layer_id" -> frame.setLayerId("");
      default -> frame.setFrameName("");
    }

    assertThatThrownBy(() -> launch(frame.build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).contains("run_frame." + field);
        });
    assertThat(worker.fetch().statusCode()).isEqualTo(204);
  }

  @Test
  void anEmptyShowShotUserJobNameAndEnvironmentAreStoredAsGiven() {
    RunFrame frame = runFrame().setShow("").setShot("").setUserName("").setJobName("")
        .clearEnvironment().build();
    launch(frame);

    JsonNode task = worker.take();
    assertThat(settings(task).path("env").size()).isZero();
    worker.finish(task.get("_id").asText(), "completed");

    assertThat(completionOf(frame).getExitStatus()).isZero();
  }

  @Test
  void anUnnumberedFrameNameIsFrameZeroOfALayerOfThatName() {
    RunFrame frame = runFrame().setFrameName("cleanup").build();
    launch(frame);

    JsonNode task = worker.take();
    assertThat(task.get("name").asText()).isEqualTo("cleanup");
    worker.finish(task.get("_id").asText(), "completed");

    assertThat(completionOf(frame).getExitStatus()).isZero();
  }

  @Test
  void anEmptyCommandRunsAsAnEmptyShellLine() {
    RunFrame frame = runFrame().setCommand("").build();
    launch(frame);

    JsonNode task = worker.take();
    assertThat(settings(task).path("cmd").asText()).isEqualTo("/bin/sh -c ''");
    worker.finish(task.get("_id").asText(), "completed");

    assertThat(completionOf(frame).getExitStatus()).isZero();
  }

  @Test
  void aZeroStartTimeIsEchoedAndTheRunTimeCountsFromTheLaunch() {
    RunFrame frame = runFrame().setStartTime(0).build();
    launch(frame);
    String taskId = worker.take().get("_id").asText();
    report();
    assertThat(cuebot.statuses().get(cuebot.statuses().size() - 1).getFramesList())
        .anySatisfy(info -> {
          assertThat(info.getFrameId()).isEqualTo(frame.getFrameId());
          assertThat(info.getStartTime()).isZero();
        });

    clock.advance(Duration.ofSeconds(7));
    worker.finish(taskId, "completed");

    assertThat(completionOf(frame).getRunTime()).isEqualTo(7);
  }

  @Test
  void zeroCoresBookNothingAndTheFrameStillRuns() {
    RunFrame frame = runFrame().setNumCores(0).build();
    launch(frame);
    String taskId = worker.take().get("_id").asText();
    report();

    var status = cuebot.statuses().get(cuebot.statuses().size() - 1);
    assertThat(status.getCoreInfo().getBookedCores()).isZero();
    worker.finish(taskId, "completed");
    assertThat(completionOf(frame).getExitStatus()).isZero();
  }

  @Test
  void aFrameWhoseStoredEnvironmentIsNullRunsWithAnEmptyOne() throws Exception {
    RunFrame frame = runFrame().build();
    launch(frame);
    try (Connection c = DriverManager.getConnection(gateway.databaseUrl());
        PreparedStatement nulled =
            c.prepareStatement("UPDATE frame SET environment = NULL WHERE id = ?")) {
      nulled.setString(1, frame.getFrameId());
      assertThat(nulled.executeUpdate()).isEqualTo(1);
    }

    JsonNode task = worker.take();
    assertThat(settings(task).path("env").size()).isZero();
    worker.finish(task.get("_id").asText(), "completed");
    assertThat(completionOf(frame).getExitStatus()).isZero();
  }

  private static JsonNode settings(JsonNode task) {
    return task.get("commands").get(0).get("settings");
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

  private static RunFrame.Builder runFrame() {
    return bridge.runFrame("testing-sh01-alice_fields", "0001-render", "true");
  }
}
