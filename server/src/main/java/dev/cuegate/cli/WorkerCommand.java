package dev.cuegate.cli;

import com.nimbusds.jose.JWSAlgorithm;
import dev.cuegate.agent.AgentSettings;
import dev.cuegate.agent.AgentTimings;
import dev.cuegate.agent.Sleeper;
import dev.cuegate.agent.StateDirectory;
import dev.cuegate.agent.WorkerAgent;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cuegate worker}: a render worker for CueGate or any Flamenco-v2-compatible manager. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      "Run a render worker: registers with the manager (once; the id and secret are kept in",
      "--state-dir), fetches tasks and runs their commands until SIGTERM or until the manager",
      "asks it to shut down. Exit code 1 when the manager refuses the worker."
    })
final class WorkerCommand implements Callable<Integer> {
  /** Registration is one call: the token only has to outlive it. */
  private static final Duration REGISTRATION_TOKEN_LIFETIME = Duration.ofMinutes(5);

  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

  @Spec CommandSpec spec;

  @ParentCommand CueGateCommand parent;

  @Option(names = "--manager", required = true,
      description = "The manager's URL, e.g. http://localhost:8448")
  URI manager;

  @Option(names = "--nickname", description = "The name operators see (default: the host name)")
  String nickname;

  @Option(names = "--task-types", split = ",", defaultValue = AgentSettings.DEFAULT_TASK_TYPES,
      description = "Task types this worker accepts, comma-separated (default: ${DEFAULT-VALUE})")
  List<String> taskTypes;

  @Option(names = "--state-dir",
      description = "Where the registration is kept; the commands' working directory"
          + " (default: $XDG_STATE_HOME/cuegate/worker, else ~/.local/state/cuegate/worker);"
          + " locked while the worker runs, so each worker needs its own")
  Path stateDir;

  @Option(names = "--cores", description = "CPU cores offered (default: all)")
  Integer cores;

  @Option(names = "--memory-mb", description = "Memory offered in MiB (default: all)")
  Long memoryMb;

  @Option(names = "--registration-secret",
      description = "The manager's registration secret (default: $WORKER_REGISTRATION_SECRET)")
  String registrationSecret;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    if (!"http".equals(manager.getScheme()) && !"https".equals(manager.getScheme())) {
      err.println("cuegate worker: --manager must be an http:// or https:// URL");
      return ExitCodes.USAGE;
    }
    CliEnvironment environment = parent.environment();
    String name = Optional.ofNullable(nickname).orElseGet(WorkerCommand::hostName);
    Optional<Supplier<String>> token =
        Optional.ofNullable(registrationSecret)
            .or(() -> Optional.ofNullable(environment.variables().get("WORKER_REGISTRATION_SECRET")))
            .filter(secret -> !secret.isBlank())
            .map(
                secret ->
                    () ->
                        new TokenMinter(secret.getBytes(StandardCharsets.UTF_8), environment.clock())
                            .mint(
                                name,
                                REGISTRATION_TOKEN_LIFETIME,
                                Optional.empty(),
                                JWSAlgorithm.HS256));
    AgentSettings settings = new AgentSettings(
        manager,
        name,
        taskTypes,
        Optional.ofNullable(stateDir)
            .orElseGet(() -> StateDirectory.defaultPath(environment.variables())),
        Optional.ofNullable(cores).orElseGet(() -> Runtime.getRuntime().availableProcessors()),
        Optional.ofNullable(memoryMb).orElseGet(WorkerCommand::totalMemoryMb),
        token,
        AgentTimings.defaults());
    HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.timings().requestTimeout())
        .build();
    WorkerAgent agent = WorkerAgent.create(settings, http, Sleeper.system());
    Thread hook = new Thread(() -> stopOnSignal(agent), "cuegate-worker-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    WorkerAgent.Exit exit;
    try {
      exit = agent.run();
    } catch (StateDirectory.InUse e) {
      err.println("cuegate worker: " + e.getMessage());
      return ExitCodes.FAILED;
    } finally {
      removeHook(hook);
    }
    return exit == WorkerAgent.Exit.STOPPED ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down: the hook is running and ends the process.
    }
  }

  /**
   * Runs in the JVM's shutdown: stops the agent, then halts with 0, because a JVM ended by
   * SIGTERM otherwise exits with 143 and a clean sign-off is a clean exit.
   */
  private static void stopOnSignal(WorkerAgent agent) {
    try {
      agent.shutdown(SHUTDOWN_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(ExitCodes.OK);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "cuegate-worker";
    }
  }

  private static long totalMemoryMb() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize() / (1024 * 1024);
    }
    return Runtime.getRuntime().maxMemory() / (1024 * 1024);
  }
}
