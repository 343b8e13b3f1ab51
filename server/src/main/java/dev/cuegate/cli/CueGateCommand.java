package dev.cuegate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cuegate} command and its subcommands. */
@Command(
    name = "cuegate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "HTTP/JSON gateway and render-farm front end for OpenCue.",
    subcommands = {
      ServeCommand.class,
      TokenCommand.class,
      CallCommand.class,
      EventsCommand.class,
      WebhooksCommand.class,
      OpenApiCommand.class,
      MethodsCommand.class,
      JobCommand.class,
      ShamanCommand.class,
      WorkerCommand.class,
      WorkersCommand.class,
      RehearseCommand.class,
      CommandLine.HelpCommand.class
    })
public final class CueGateCommand {
  private final CliEnvironment environment;

  private CueGateCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  /** The command line; picocli already exits with 2 ({@link ExitCodes#USAGE}) on bad usage. */
  public static CommandLine commandLine() {
    return commandLine(CliEnvironment.system());
  }

  /** The command line reading its environment, clock and stdin from {@code environment}. */
  public static CommandLine commandLine(CliEnvironment environment) {
    // "-d @file" names a request body; picocli would otherwise read it as more arguments.
    return new CommandLine(new CueGateCommand(environment)).setExpandAtFiles(false);
  }

  CliEnvironment environment() {
    return environment;
  }
}
