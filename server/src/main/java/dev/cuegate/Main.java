package dev.cuegate;

import dev.cuegate.cli.CueGateCommand;
import picocli.CommandLine;

/** Entry point: hands the command line to the {@code cuegate} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(CueGateCommand.commandLine().execute(args));
  }
}
