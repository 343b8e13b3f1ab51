package dev.cuegate.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cuegate.proto.report.FrameCompleteReport;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.worker.Agents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fake Cuebot → CueGate's bridge → two real {@code cuegate worker} agents running real processes:
 * Cuebot's frames render, fail and are killed as on an RQD host. Each test gets a CueGate and
 * agents of its own.
 */
class BridgeEndToEndTest {
  private static final FakeCuebotScheduler cuebot = FakeCuebotScheduler.start(1);

  @RegisterExtension
  static final GatewayExtension gateway =
      new GatewayExtension()
          .env("CUEBOT_ENDPOINT", cuebot.endpoint())
          .env("RQD_BRIDGE", "true")
          .env("RQD_PORT", "0")
          .env("RQD_HOST_NAME", "bridgehost")
          .env("RQD_REPORT_INTERVAL", "100ms")
          .env("WORKER_SECRET_ITERATIONS", "1000")
          .perTest();

  @TempDir Path stateDirs;
  @TempDir Path scratch;

  private Agents agents;

  @BeforeEach
  void startAgents() {
    cuebot.reset();
    cuebot.dialHost(gateway.gate().bridge().orElseThrow().port());
    agents = new Agents(URI.create(gateway.uri("").toString()), stateDirs);
    agents.startWithDefaultTaskTypes("w1");
    agents.startWithDefaultTaskTypes("w2");
  }

  @AfterEach
  void stopAgents() throws InterruptedException {
    agents.close();
  }

  @AfterAll
  static void stopCuebot() {
    cuebot.close();
  }

  @Test
  void cuebotsFramesRenderOnTheAgentsAndSucceed() {
    List<FakeCuebotScheduler.Frame> frames =
        cuebot.submit(6, "echo \"rendering $CUE_FRAME of $CUE_JOB\"");

    awaitTrue("every frame SUCCEEDED", () -> cuebot.allIn("SUCCEEDED"));

    for (FakeCuebotScheduler.Frame frame : frames) {
      assertThat(frame.exitStatuses).containsExactly(0);
      assertThat(taskLogs()).contains("rendering " + frame.name + " of " + cuebot.jobName);
    }
    assertThat(cuebot.completions()).extracting(c -> c.getHost().getName())
        .containsOnly("bridgehost");
  }

  @Test
  void theHostOffersTheAgentsDeclaredCores() {
    cuebot.submit(1, "true");
    awaitTrue("the frame SUCCEEDED", () -> cuebot.allIn("SUCCEEDED"));

    // Each agent declares 1 core and 1024 MB: the host is their sum, in Cuebot's units.
    var host = cuebot.statuses().get(cuebot.statuses().size() - 1).getHost();
    assertThat(host.getNumProcs() * host.getCoresPerProc()).isEqualTo(200);
    assertThat(host.getTotalMem()).isEqualTo((2 * 1024 + 512) * 1024L);
    assertThat(host.getFreeMem()).isGreaterThanOrEqualTo(512 * 1024L);
    assertThat(host.getTotalMcp()).isPositive();
    assertThat(host.getFacility()).isEqualTo("local");
    assertThat(host.getTagsList()).containsExactly("general", "util", "64bit");
    assertThat(host.getAttributesMap()).containsEntry("SP_OS", "Linux");
  }

  @Test
  void aFailingCommandIsReportedAsAFailureAndCuebotDecidesTheRetry() {
    FakeCuebotScheduler.Frame frame = cuebot.submit(1, "exit 3").get(0);

    awaitTrue("the frame DEAD after its retry", () -> cuebot.allIn("DEAD"));

    // One retry allowed: Cuebot launched it twice; the bridge itself retried nothing.
    assertThat(frame.launches).isEqualTo(2);
    assertThat(frame.exitStatuses).hasSize(2).allMatch(status -> status != 0);
  }

  @Test
  void aKillFromCuebotStopsTheProcessOnTheWorker() throws IOException {
    Path pidFile = scratch.resolve("pid");
    FakeCuebotScheduler.Frame frame =
        cuebot.submit(1, "echo $$ > " + pidFile + "; exec sleep 60").get(0);
    awaitTrue("the process started", () -> Files.exists(pidFile) && size(pidFile) > 0);
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    assertThat(ProcessHandle.of(pid)).isPresent();

    cuebot.kill(frame.id);

    awaitTrue("the frame reported killed", () -> cuebot.allIn("KILLED"));
    assertThat(frame.exitStatuses).containsExactly(1);
    assertThat(frame.exitSignals).containsExactly(9);
    awaitTrue("the process is gone",
        () -> ProcessHandle.of(pid).map(handle -> !handle.isAlive()).orElse(true));
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static String taskLogs() {
    Path root = gateway.config().dataDir().resolve("task-logs");
    try (Stream<Path> files = Files.walk(root)) {
      StringBuilder all = new StringBuilder();
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        all.append(Files.readString(file));
      }
      return all.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until {@code condition} holds; a timeout shows what Cuebot heard. */
  private static void awaitTrue(String what, BooleanSupplier condition) {
    await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
        .untilAsserted(() -> assertThat(condition.getAsBoolean()).as(() -> what + "; completions: "
            + cuebot.completions().stream().map(FrameCompleteReport::getExitStatus).toList()
            + ", refused launch: " + cuebot.refusedLaunch()).isTrue());
  }
}
