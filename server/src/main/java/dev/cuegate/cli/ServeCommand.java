package dev.cuegate.cli;

import dev.cuegate.config.ConfigException;
import dev.cuegate.config.EnvConfigLoader;
import dev.cuegate.config.LoadedConfig;
import dev.cuegate.logging.LogSetup;
import dev.cuegate.memory.IdleMemoryRelease;
import dev.cuegate.server.CueGate;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** {@code cuegate serve}: runs the service until SIGTERM or SIGINT. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Start CueGate. Configured by environment variables (CUEBOT_ENDPOINT, REST_PORT,",
      "JWT_SECRET or JWT_SECRET_FILE, ...; see README.md). A bad value stops start-up",
      "with a message naming the variable (exit code 2)."
    })
final class ServeCommand implements Callable<Integer> {
  /** The log writer gets this long to write the last lines before the process ends. */
  private static final Duration LOG_FLUSH_TIMEOUT = Duration.ofSeconds(2);
  /** Quiet after work for this long, the process gives back what the work made it take. */
  private static final Duration IDLE_BEFORE_RELEASE = Duration.ofSeconds(5);

  @Override
  public Integer call() throws InterruptedException {
    try {
      return serve(EnvConfigLoader.load(System.getenv()));
    } catch (ConfigException e) {
      // From loading, or from starting: the files the configuration names (the authorization
      // policy, keys) are read then.
      System.err.println("cuegate: configuration error: " + e.getMessage());
      return ExitCodes.USAGE;
    }
  }

  private Integer serve(LoadedConfig loaded) throws InterruptedException {
    Optional<Path> logFile =
        LogSetup.configure(
            loaded.config().logging().level(),
            loaded.config().logging().dir(),
            loaded.config().logging().format());
    Logger log = LoggerFactory.getLogger(ServeCommand.class);
    logFile.ifPresent(file -> log.info("logging to {}", file));
    for (String warning : loaded.warnings()) {
      log.warn("CONFIGURATION WARNING: {}", warning);
    }
    CueGate gate = CueGate.start(loaded.config());
    IdleMemoryRelease memory = IdleMemoryRelease.start(IDLE_BEFORE_RELEASE);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("SIGTERM or SIGINT: shutting down (docs/OPERATIONS.md, \"Shutdown\")");
                  memory.close();
                  gate.close();
                  LogSetup.flush(LOG_FLUSH_TIMEOUT);
                  stopped.countDown();
                },
                "cuegate-shutdown"));
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    log.info("CueGate ready in {} ms: {}", uptime, gate.describe());
    if (gate.farm().isPresent()) {
      log.warn("EMBEDDED FARM: CUEBOT_ENDPOINT is not set, so CueGate itself is the render farm"
          + " ({}). Set CUEBOT_ENDPOINT=host:port to gateway to OpenCue's Cuebot instead.",
          gate.farm().get().describe());
    }
    stopped.await();
    return ExitCodes.OK;
  }
}
