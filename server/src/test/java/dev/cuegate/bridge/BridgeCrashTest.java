package dev.cuegate.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cuegate.testing.ChildCueGate;
import dev.cuegate.worker.Agents;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge as a real process, killed with SIGKILL while two agents render Cuebot's frames, then
 * started again on the same data and ports: no frame Cuebot launched is lost or run twice.
 */
class BridgeCrashTest {
  private static final Duration START_LIMIT = Duration.ofSeconds(90);

  @TempDir Path dir;
  @TempDir Path stateDirs;

  private final FakeCuebotScheduler cuebot = FakeCuebotScheduler.start(0);
  private ChildCueGate cuegate;
  private Agents agents;

  @AfterEach
  void stop() throws InterruptedException {
    Agents.stop(agents, cuegate);
    cuebot.close();
  }

  @Test
  void everyLaunchedFrameSucceedsOnceWhenTheBridgeIsKilledMidJobAndRestarted()
      throws IOException {
    // given: a bridge whose two agents are half-way through Cuebot's ten frames
    int rqdPort = freePort();
    cuegate = ChildCueGate.start(dir, Map.of(
        "CUEBOT_ENDPOINT", cuebot.endpoint(),
        "RQD_BRIDGE", "true",
        "RQD_PORT", Integer.toString(rqdPort),
        "RQD_HOST_NAME", "crashhost",
        "RQD_REPORT_INTERVAL", "200ms",
        "WORKER_SECRET_ITERATIONS", "1000"), START_LIMIT);
    cuebot.dialHost(rqdPort);
    List<FakeCuebotScheduler.Frame> frames = cuebot.submit(10, "sleep 0.3; echo $CUE_FRAME");
    agents = new Agents(cuegate.uri(""), stateDirs);
    agents.startWithDefaultTaskTypes("w1");
    agents.startWithDefaultTaskTypes("w2");
    awaitTrue("three frames done before the kill", () -> succeeded(frames) >= 3);

    // when
    cuegate.kill();
    cuegate.restart(START_LIMIT);

    // then
    awaitTrue("every frame SUCCEEDED", () -> cuebot.allIn("SUCCEEDED"));
    for (FakeCuebotScheduler.Frame frame : frames) {
      // Nothing interrupted (286) or failed: each frame ran to its one success.
      assertThat(frame.exitStatuses).as(frame.name).containsExactly(0);
    }
    assertThat(cuebot.boots().size()).as("announced again after the restart").isGreaterThan(1);
  }

  private long succeeded(List<FakeCuebotScheduler.Frame> frames) {
    synchronized (cuebot) {
      return frames.stream().filter(frame -> frame.state.equals("SUCCEEDED")).count();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Waits until {@code condition} holds; a timeout shows what CueGate printed. */
  private void awaitTrue(String what, BooleanSupplier condition) {
    await(what).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
        .untilAsserted(() -> assertThat(condition.getAsBoolean())
            .as(() -> what + "; CueGate said:\n" + cuegate.output()).isTrue());
  }
}
