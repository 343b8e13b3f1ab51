package dev.cuegate.bridge;

import dev.cuegate.config.GatewayConfig;
import dev.cuegate.farm.EmbeddedFarm;
import dev.cuegate.farm.service.ExceptionStatusInterceptor;
import dev.cuegate.schedule.Periodic;
import dev.cuegate.worker.WorkerDirectory;
import io.grpc.ManagedChannel;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The RQD server, the reporter and the schedule that drives it. */
final class DefaultRqdBridge implements RqdBridge {
  private static final Logger log = LoggerFactory.getLogger(DefaultRqdBridge.class);
  /** How often due reports are looked for: completions reach Cuebot within this. */
  static final Duration TICK = Duration.ofMillis(250);

  private final Server server;
  private final CuebotReporter reporter;
  private final Periodic schedule;
  private final ManagedChannel cuebot;
  private final HostControl control;

  private DefaultRqdBridge(Server server, CuebotReporter reporter, Periodic schedule,
      ManagedChannel cuebot, HostControl control) {
    this.control = control;
    this.server = server;
    this.reporter = reporter;
    this.schedule = schedule;
    this.cuebot = cuebot;
  }

  static DefaultRqdBridge start(GatewayConfig.Bridge config, EmbeddedFarm farm,
      ManagedChannel cuebot, String taskType, Clock clock) {
    BridgeWorkers workers = new BridgeWorkers(WorkerDirectory.create(), taskType);
    BridgeFrames frames = new BridgeFrames(farm, workers, clock);
    HostControl control = new HostControl();
    HostShape shape = new HostShape(config, clock.instant().getEpochSecond());
    RqdHostService service = new RqdHostService(frames, control, shape,
        () -> frames.capacity(config.workerCores(), config.workerMemoryMb()));
    // Cuebot's RQD channel is plaintext and unauthenticated; the port belongs on the farm's
    // network only (docs/OPENCUE-BRIDGE.md).
    Server server = Grpc.newServerBuilderForPort(config.port(), InsecureServerCredentials.create())
        .addService(ServerInterceptors.intercept(service, new ExceptionStatusInterceptor()))
        .build();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("RQD_PORT: cannot listen on port " + config.port(), e);
    }
    // Only now may Cuebot hear of the host: it may launch frames as a result of the boot report.
    // The schedule sends it, so that an unreachable Cuebot never holds up CueGate's start.
    CuebotReporter reporter = new CuebotReporter(cuebot, frames,
        new StrandedFrames(farm, workers, config, clock), shape, control, config, clock);
    Periodic schedule = Periodic.start("cuegate-rqd-reports", TICK, reporter::tick);
    log.info("bridge: RQD host {} listening on port {} for Cuebot; its frames go to workers"
        + " that accept task type \"{}\"", config.hostName(), server.getPort(), taskType);
    return new DefaultRqdBridge(server, reporter, schedule, cuebot, control);
  }

  @Override
  public int port() {
    return server.getPort();
  }

  @Override
  public void report() {
    control.oweStatus();
    reporter.tick();
  }

  @Override
  public void close() {
    schedule.stop(Duration.ofSeconds(5));
    // A completion a worker reported during the drain is owed to Cuebot: send it now rather
    // than at the next start.
    reporter.tick();
    server.shutdown();
    cuebot.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
      if (!cuebot.awaitTermination(5, TimeUnit.SECONDS)) {
        cuebot.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      cuebot.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
