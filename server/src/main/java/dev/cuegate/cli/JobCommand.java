package dev.cuegate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code cuegate job}: job commands against a running CueGate. */
@Command(
    name = "job",
    mixinStandardHelpOptions = true,
    description = "Work with jobs on a CueGate (embedded farm or Cuebot).",
    subcommands = {JobSubmitCommand.class, JobWaitCommand.class})
final class JobCommand {
  @ParentCommand private CueGateCommand parent;

  CliEnvironment environment() {
    return parent.environment();
  }
}
