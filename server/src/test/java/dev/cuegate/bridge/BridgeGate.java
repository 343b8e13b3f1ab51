package dev.cuegate.bridge;

import dev.cuegate.proto.report.FrameCompleteReport;
import dev.cuegate.proto.rqd.RqdStaticLaunchFrameRequest;
import dev.cuegate.proto.rqd.RunFrame;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.ManualClock;
import java.time.Instant;
import java.util.UUID;

/**
 * The fixture the bridge's tests share: a CueGate with the RQD bridge on a manual clock, the fake
 * Cuebot it reports to, and the calls a test makes on either side.
 */
final class BridgeGate {
  final ManualClock clock = new ManualClock(Instant.now());
  final FakeCuebotScheduler cuebot = FakeCuebotScheduler.start(0);
  final GatewayExtension gateway;

  /** A gateway whose RQD host is called {@code hostName}; tests add their own settings to it. */
  BridgeGate(String hostName) {
    gateway = new GatewayExtension()
        .clock(clock)
        .env("CUEBOT_ENDPOINT", cuebot.endpoint())
        .env("RQD_BRIDGE", "true")
        .env("RQD_PORT", "0")
        .env("RQD_HOST_NAME", hostName)
        .env("WORKER_SECRET_ITERATIONS", "1000");
  }

  /** Has the fake Cuebot open its channel to the bridge's RQD port. */
  void dial() {
    cuebot.dialHost(gateway.gate().bridge().orElseThrow().port());
  }

  void launch(RunFrame frame) {
    cuebot.rqd().launchFrame(RqdStaticLaunchFrameRequest.newBuilder().setRunFrame(frame).build());
  }

  /** Sends the bridge's host report now rather than on its timer. */
  void report() {
    gateway.gate().bridge().orElseThrow().report();
  }

  /** The completion Cuebot has received for the frame; fails if there is none yet. */
  FrameCompleteReport completionOf(RunFrame frame) {
    return cuebot.completions().stream()
        .filter(c -> c.getFrame().getFrameId().equals(frame.getFrameId()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no completion of " + frame.getFrameName()));
  }

  /** A frame as Cuebot launches one, every field filled in, of a job and layer of its own. */
  RunFrame.Builder runFrame(String jobName, String frameName, String command) {
    return RunFrame.newBuilder()
        .setResourceId(UUID.randomUUID().toString())
        .setJobId(UUID.randomUUID().toString())
        .setJobName(jobName)
        .setFrameId(UUID.randomUUID().toString())
        .setFrameName(frameName)
        .setLayerId(UUID.randomUUID().toString())
        .setCommand(command)
        .setUserName("alice")
        .setLogDir("/nonexistent/logs")
        .setShow("testing")
        .setShot("sh01")
        .setStartTime(clock.millis())
        .setNumCores(100)
        .putEnvironment("CUE_FRAME", frameName);
  }
}
