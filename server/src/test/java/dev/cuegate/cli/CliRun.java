package dev.cuegate.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/** One run of the {@code cuegate} command line in-process: its exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {

  static CliRun run(Map<String, String> env, String... args) {
    return run(new CliEnvironment(env, Clock.systemUTC(), new ByteArrayInputStream(new byte[0])), args);
  }

  static CliRun withStdin(Map<String, String> env, String stdin, String... args) {
    return run(
        new CliEnvironment(
            env, Clock.systemUTC(), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))),
        args);
  }

  static CliRun run(CliEnvironment environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = CueGateCommand.commandLine(environment);
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    int exit = command.execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }
}
