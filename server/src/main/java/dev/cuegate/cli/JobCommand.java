package dev.cuegate.cli;

import picocli.CommandLine.Command;

/** {@code cuegate job}: job commands against a running CueGate. */
@Command(
    name = "job",
    mixinStandardHelpOptions = true,
    description = "Work with jobs on a CueGate (embedded farm or Cuebot).",
    subcommands = {JobSubmitCommand.class})
final class JobCommand {}
