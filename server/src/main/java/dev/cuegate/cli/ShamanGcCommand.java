package dev.cuegate.cli;

import dev.cuegate.config.ConfigException;
import dev.cuegate.config.EnvConfigLoader;
import dev.cuegate.config.GatewayConfig;
import dev.cuegate.shaman.ShamanGarbageCollector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cuegate shaman gc [--dry-run]}: removes (or lists) blobs no checkout uses any more. */
@Command(
    name = "gc",
    mixinStandardHelpOptions = true,
    description = {
      "Remove stored blobs older than SHAMAN_GC_MAX_AGE that no symlink in the checkout roots",
      "points to, as the service's periodic collection does. Prints one line per blob."
    })
final class ShamanGcCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--dry-run", description = "List what would be removed; remove nothing.")
  private boolean dryRun;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CliEnvironment environment =
        ((CueGateCommand) spec.parent().parent().userObject()).environment();
    Map<String, String> env = environment.variables();
    GatewayConfig.Shaman config;
    try {
      config =
          EnvConfigLoader.shaman(env);
    } catch (ConfigException e) {
      err.println("cuegate shaman gc: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    try {
      ShamanGarbageCollector collector =
          ShamanGarbageCollector.create(config, environment.clock(), new SimpleMeterRegistry());
      ShamanGarbageCollector.Report report = dryRun ? collector.dryRun() : collector.collect();
      report.blobs().forEach(blob -> out.println((dryRun ? "would remove " : "removed ") + blob));
      out.printf(
          "%s %d blob(s), %d bytes%n",
          dryRun ? "would remove" : "removed", report.blobs().size(), report.bytes());
      return ExitCodes.OK;
    } catch (IOException e) {
      err.println("cuegate shaman gc: " + e.getMessage());
      return ExitCodes.FAILED;
    }
  }
}
