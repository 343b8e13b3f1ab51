package dev.cuegate.bridge;

import dev.cuegate.config.GatewayConfig;
import dev.cuegate.farm.EmbeddedFarm;
import dev.cuegate.farm.store.ExternalFrameListener;
import io.grpc.ManagedChannel;
import java.time.Clock;

/**
 * The OpenCue bridge (docs/OPENCUE-BRIDGE.md): CueGate is one render host of a Cuebot, serving RQD's gRPC
 * interface, and the frames Cuebot launches on it become tasks of the HTTP workers.
 *
 * <p>The frames live in {@code farm}'s database (opened with {@link #listener(Clock)}), which
 * the worker protocol serves; API calls still go to Cuebot.
 */
public interface RqdBridge extends AutoCloseable {
  /**
   * The service the bridge's frames are stored with, which names their task type (through
   * {@code WORKER_TASK_TYPES} like any layer's): Cuebot sends each frame as a shell command line,
   * and {@code shell} is among the task types a {@code cuegate worker} accepts by default.
   */
  String SERVICE = "shell";

  /** The bound RQD port. */
  int port();

  /**
   * Sends a status report now, with whatever else is due (boot report, completions); the
   * schedule sends what is due several times a second.
   */
  void report();

  /** Stops taking Cuebot's calls and reporting; launched frames stay stored for the next start. */
  @Override
  void close();

  /** What the farm must be opened with, so that frames Cuebot launched report their ends. */
  static ExternalFrameListener listener(Clock clock) {
    return BridgeFrames.listener(clock);
  }

  /**
   * Listens on {@code config.port()}, then announces the host to Cuebot over {@code cuebot} and
   * reports on a schedule; closing the bridge shuts {@code cuebot} down. Only the workers that
   * accept {@code taskType}, the task type of {@link #SERVICE}, count towards the host.
   */
  static RqdBridge start(GatewayConfig.Bridge config, EmbeddedFarm farm, ManagedChannel cuebot,
      String taskType, Clock clock) {
    return DefaultRqdBridge.start(config, farm, cuebot, taskType, clock);
  }
}
