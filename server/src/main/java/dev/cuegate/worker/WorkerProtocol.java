package dev.cuegate.worker;

import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServerBuilder;
import dev.cuegate.config.GatewayConfig;
import dev.cuegate.farm.EmbeddedFarm;
import dev.cuegate.farm.store.HostDirectory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * The Flamenco-v2-compatible worker protocol over the embedded farm (docs/WORKERS.md): HTTP
 * workers register, take the farm's frames as tasks, report progress and logs.
 *
 * <p>Wire it as {@code create} → {@code mountOn} → {@code start} before the server starts, and
 * {@code close} after the server stopped.
 */
public interface WorkerProtocol extends AutoCloseable {

  /**
   * Adds the worker endpoints. {@code guard} wraps every route a person calls
   * ({@code /logfile/…}, {@code /api/workers}, {@code /api/workers/{id}/status-request}), as the
   * server guards its API; the workers' own routes check their HTTP Basic credentials instead.
   */
  void mountOn(ServerBuilder routes, Function<? super HttpService, ? extends HttpService> guard);

  /** Starts the periodic timeout sweep. */
  void start();

  /**
   * Applies the timeouts now: awake workers silent for a minute time out and their tasks go back
   * to the queue; active tasks without an update for ten minutes fail. The schedule calls this
   * every few seconds; tests call it after moving their clock.
   */
  void sweep();

  /** Takes the image paths workers reported as produced, oldest first. */
  List<String> takeOutputs();

  /** Stops the sweep schedule. */
  @Override
  void close();

  /** The protocol over {@code farm}, with task logs under {@code dataDir/task-logs}. */
  static WorkerProtocol create(EmbeddedFarm farm, GatewayConfig.Workers config, Path dataDir,
      Clock clock) {
    return create(farm, config, dataDir, clock, List.of());
  }

  /**
   * As {@link #create(EmbeddedFarm, GatewayConfig.Workers, Path, Clock)}, for work that comes
   * only in {@code wantedTaskTypes} (the OpenCue bridge's frames): a worker that accepts none of
   * them is warned at registration and sign-on, and listed with the warning.
   */
  static WorkerProtocol create(EmbeddedFarm farm, GatewayConfig.Workers config, Path dataDir,
      Clock clock, List<String> wantedTaskTypes) {
    return DefaultWorkerProtocol.create(farm, config, dataDir, clock,
        new TaskTypeAdvice(wantedTaskTypes));
  }

  /**
   * The task type workers see for a layer whose first service is {@code service}, after
   * {@code WORKER_TASK_TYPES}.
   */
  static String taskTypeOf(GatewayConfig.Workers config, String service) {
    return new TaskTypes(config.taskTypes()).of(List.of(service), "render");
  }

  /** The farm's hosts: the workers in its database. */
  static HostDirectory hosts() {
    return WorkerDirectory.create();
  }
}
