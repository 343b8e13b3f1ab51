package dev.cuegate.cli;

import com.nimbusds.jose.JWSAlgorithm;
import dev.cuegate.config.ConfigException;
import dev.cuegate.config.EnvConfigLoader;
import dev.cuegate.config.GoDuration;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cuegate token}: mints a bearer token from the gateway's own secret. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Mint a JWT that the gateway accepts, signed with JWT_SECRET (or the file named by",
      "JWT_SECRET_FILE), and print it. Example: export TOKEN=$(cuegate token --sub alice)"
    })
final class TokenCommand implements Callable<Integer> {
  /** The algorithms the gateway verifies. */
  enum Algorithm {
    HS256,
    HS384,
    HS512
  }

  @ParentCommand private CueGateCommand parent;
  @Spec private CommandSpec spec;

  @Option(names = "--sub", required = true, description = "The token's subject (who calls).")
  private String subject;

  @Option(
      names = "--ttl",
      defaultValue = "1h",
      description = "How long the token is valid, in Go syntax (default: ${DEFAULT-VALUE}).")
  private String ttl;

  @Option(names = "--role", description = "Adds a \"role\" claim, e.g. read-only.")
  private String role;

  @Option(
      names = "--alg",
      defaultValue = "HS256",
      description = "HS256, HS384 or HS512 (default: ${DEFAULT-VALUE}).")
  private Algorithm algorithm;

  @Override
  public Integer call() {
    Duration lifetime = lifetime();
    byte[] secret;
    try {
      secret = EnvConfigLoader.secret(parent.environment().variables());
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("cuegate token: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    TokenMinter minter = new TokenMinter(secret, parent.environment().clock());
    spec.commandLine()
        .getOut()
        .println(
            minter.mint(
                subject, lifetime, Optional.ofNullable(role), JWSAlgorithm.parse(algorithm.name())));
    return ExitCodes.OK;
  }

  private Duration lifetime() {
    Duration lifetime;
    try {
      lifetime = GoDuration.parse(ttl);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--ttl: " + e.getMessage());
    }
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new ParameterException(spec.commandLine(), "--ttl must be positive, got " + ttl);
    }
    return lifetime;
  }
}
