package dev.cuegate.agent;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a worker agent is told on its command line.
 *
 * @param manager the manager's base URL, e.g. {@code http://host:8448}
 * @param nickname the name operators see
 * @param taskTypes the task types this worker accepts
 * @param stateDir where the worker keeps its credentials; the default working directory
 * @param cores CPU cores offered, sent with the registration and each sign-on
 * @param memoryMb memory offered in MiB, sent with the registration and each sign-on
 * @param registrationToken mints the bearer token a guarded manager requires to register
 * @param timings waits and timeouts
 */
public record AgentSettings(
    URI manager,
    String nickname,
    List<String> taskTypes,
    Path stateDir,
    int cores,
    long memoryMb,
    Optional<Supplier<String>> registrationToken,
    AgentTimings timings) {
  /**
   * What a worker accepts unless told otherwise: {@code shell} covers the OpenCue bridge's frames
   * (shell command lines), {@code default} the embedded farm's layers mapped to it.
   */
  public static final String DEFAULT_TASK_TYPES = "default,shell";

  public AgentSettings {
    taskTypes = List.copyOf(taskTypes);
    String base = manager.toString();
    manager = URI.create(base.endsWith("/") ? base : base + "/");
  }
}
