package dev.cuegate.worker;

import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServerBuilder;
import dev.cuegate.config.GatewayConfig;
import dev.cuegate.db.StoreException;
import dev.cuegate.farm.EmbeddedFarm;
import dev.cuegate.schedule.Periodic;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The worker protocol with its operations, routes and timeout schedule. */
final class DefaultWorkerProtocol implements WorkerProtocol {
  private static final Logger log = LoggerFactory.getLogger(DefaultWorkerProtocol.class);
  /** Well below the one-minute worker timeout, so a silent worker is noticed within seconds. */
  static final Duration SWEEP_INTERVAL = Duration.ofSeconds(10);
  private static final int OUTPUT_QUEUE = 64;

  private final WorkerTimeouts timeouts;
  private final WorkerRoutes routes;
  private final LatestOutputs outputs;
  private Periodic schedule;

  private DefaultWorkerProtocol(WorkerTimeouts timeouts, WorkerRoutes routes,
      LatestOutputs outputs) {
    this.timeouts = timeouts;
    this.routes = routes;
    this.outputs = outputs;
  }

  static DefaultWorkerProtocol create(EmbeddedFarm farm, GatewayConfig.Workers config,
      Path dataDir, Clock clock, TaskTypeAdvice advice) {
    SecureRandom random = new SecureRandom();
    WorkerOperations operations =
        new WorkerOperations(farm, new TaskTypes(config.taskTypes()), new Ids(random), clock);
    LatestOutputs outputs = new LatestOutputs(OUTPUT_QUEUE);
    WorkerRoutes routes = new WorkerRoutes(
        operations,
        new WorkerAuthenticator(operations::secretHash, clock),
        new RegistrationGuard(config.registrationSecret(), clock),
        new SecretHash(config.secretIterations(), random),
        new TaskLogs(dataDir.resolve("task-logs")),
        outputs,
        new WorkerVariables(config.variables()),
        advice);
    return new DefaultWorkerProtocol(new WorkerTimeouts(operations, clock), routes, outputs);
  }

  @Override
  public void mountOn(ServerBuilder routes,
      Function<? super HttpService, ? extends HttpService> guard) {
    this.routes.mountOn(routes, guard);
  }

  @Override
  public synchronized void start() {
    if (schedule != null) {
      return;
    }
    schedule = Periodic.start("worker-timeouts", SWEEP_INTERVAL, this::sweepQuietly);
  }

  @Override
  public void sweep() {
    WorkerTimeouts.Swept swept = timeouts.sweep();
    if (swept.workersTimedOut() > 0 || swept.tasksFailed() > 0) {
      log.info("timeouts: {} workers timed out, {} tasks failed", swept.workersTimedOut(),
          swept.tasksFailed());
    }
  }

  @Override
  public List<String> takeOutputs() {
    return outputs.drain();
  }

  @Override
  public synchronized void close() {
    if (schedule == null) {
      return;
    }
    if (!schedule.stop(Duration.ofSeconds(10))) {
      log.warn("the worker timeout sweep did not stop within 10 s");
    }
    schedule = null;
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (StoreException e) {
      // The next run retries; a failed run must not cancel the schedule.
      log.warn("the worker timeout sweep failed", e);
    }
  }
}
