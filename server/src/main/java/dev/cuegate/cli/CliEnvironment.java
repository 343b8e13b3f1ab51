package dev.cuegate.cli;

import java.io.InputStream;
import java.time.Clock;
import java.util.Map;

/** What the commands read from outside their arguments: the environment, the time and stdin. */
public record CliEnvironment(Map<String, String> variables, Clock clock, InputStream stdin) {
  public CliEnvironment {
    variables = Map.copyOf(variables);
  }

  /** The process's own environment, clock and standard input. */
  public static CliEnvironment system() {
    return new CliEnvironment(System.getenv(), Clock.systemUTC(), System.in);
  }
}
