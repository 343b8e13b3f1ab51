package dev.cuegate.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.agent.AgentSettings;
import dev.cuegate.agent.AgentTimings;
import dev.cuegate.agent.Sleeper;
import dev.cuegate.agent.WorkerAgent;
import dev.cuegate.testing.ChildCueGate;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Real {@code cuegate worker} agents on threads of the test, with short waits and retries. */
public final class Agents implements AutoCloseable {
  private static final AgentTimings FAST =
      new AgentTimings(
          Duration.ofSeconds(5),
          Duration.ofMillis(20),
          Duration.ofMillis(100),
          Duration.ofMillis(20),
          Duration.ofMillis(200),
          Duration.ofMillis(200),
          Duration.ofMillis(50),
          Duration.ofMillis(50),
          Duration.ofSeconds(2));

  private final URI manager;
  private final Path stateDirs;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<WorkerAgent> agents = new ArrayList<>();

  /** Agents of {@code manager}, each with a state directory under {@code stateDirs}. */
  public Agents(URI manager, Path stateDirs) {
    this.manager = manager;
    this.stateDirs = stateDirs;
  }

  /**
   * Starts an agent named {@code name} that takes tasks of {@code taskType}. It declares the
   * 4 GiB a layer reserves by default: a worker with less is not given the farm's frames.
   */
  public void start(String name, String taskType) {
    start(name, List.of(taskType), 4096);
  }

  /** Starts an agent with the task types {@code cuegate worker} accepts by default. */
  public void startWithDefaultTaskTypes(String name) {
    startWithDefaultTaskTypes(name, 1024);
  }

  /** As {@link #startWithDefaultTaskTypes(String)}, declaring {@code memoryMb}. */
  public void startWithDefaultTaskTypes(String name, long memoryMb) {
    start(name, List.of(AgentSettings.DEFAULT_TASK_TYPES.split(",")), memoryMb);
  }

  /** Starts an agent of {@code taskTypes} that declares one core and {@code memoryMb}. */
  public void start(String name, List<String> taskTypes, long memoryMb) {
    AgentSettings settings =
        new AgentSettings(
            manager, name, taskTypes, stateDirs.resolve(name), 1, memoryMb, Optional.empty(),
            FAST);
    WorkerAgent agent =
        WorkerAgent.create(
            settings,
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
            Sleeper.system());
    agents.add(agent);
    threads.submit(agent::run);
  }

  @Override
  public void close() throws InterruptedException {
    for (WorkerAgent agent : agents) {
      agent.shutdown(Duration.ofSeconds(10));
    }
    threads.shutdownNow();
    assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  /**
   * A test's teardown: the agents first, so none is left polling, then the CueGate they work for.
   * Either may be null when the test failed before starting it.
   */
  public static void stop(Agents agents, ChildCueGate cuegate) throws InterruptedException {
    if (agents != null) {
      agents.close();
    }
    if (cuegate != null) {
      cuegate.close();
    }
  }
}
