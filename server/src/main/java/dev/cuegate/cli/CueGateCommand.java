package dev.cuegate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cuegate} command and its subcommands. */
@Command(
    name = "cuegate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "HTTP/JSON gateway and render-farm front end for OpenCue.",
    subcommands = {ServeCommand.class, JobCommand.class, CommandLine.HelpCommand.class})
public final class CueGateCommand {

  /** The command line; picocli already exits with 2 ({@link ExitCodes#USAGE}) on bad usage. */
  public static CommandLine commandLine() {
    return new CommandLine(new CueGateCommand());
  }
}
