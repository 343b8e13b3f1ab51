package dev.cuegate.cli;

import com.nimbusds.jose.JWSAlgorithm;
import dev.cuegate.config.ConfigException;
import dev.cuegate.config.EnvConfigLoader;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The bearer token a client command sends: {@code --token}, else {@code $CUEGATE_TOKEN}, else a
 * short-lived one minted from {@code JWT_SECRET}/{@code JWT_SECRET_FILE} for {@code $USER}.
 */
final class ApiToken {
  static final String TOKEN_VARIABLE = "CUEGATE_TOKEN";
  private static final Duration MINTED_LIFETIME = Duration.ofMinutes(5);

  private ApiToken() {}

  /** @throws ParameterException when there is no token and no secret to mint one */
  static String resolve(String given, CliEnvironment environment, CommandLine command) {
    if (given != null) {
      return given;
    }
    Map<String, String> env = environment.variables();
    String fromEnv = env.get(TOKEN_VARIABLE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.trim();
    }
    byte[] secret;
    try {
      secret = EnvConfigLoader.secret(env);
    } catch (ConfigException e) {
      throw new ParameterException(command, "no token: pass --token, set " + TOKEN_VARIABLE
          + ", or set JWT_SECRET (" + e.getMessage() + ")");
    }
    String subject =
        Optional.ofNullable(env.get("USER")).filter(u -> !u.isBlank()).orElse("cuegate-cli");
    return new TokenMinter(secret, environment.clock())
        .mint(subject, MINTED_LIFETIME, Optional.empty(), JWSAlgorithm.HS256);
  }
}
