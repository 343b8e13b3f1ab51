package dev.cuegate.cli;

import com.nimbusds.jose.JWSAlgorithm;
import dev.cuegate.config.EnvConfigLoader;
import dev.cuegate.config.LogFormat;
import dev.cuegate.logging.LogSetup;
import dev.cuegate.rehearsal.Rehearsal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cuegate rehearse DIR}: the training run {@code bin/cuegate} records its start-up
 * archive from (docs/PERFORMANCE.md, "Cold start"). Hidden: nobody else needs it.
 */
@Command(
    name = "rehearse",
    hidden = true,
    description = "Run CueGate through typical calls against a canned Cuebot, then exit.")
final class RehearseCommand implements Callable<Integer> {
  private static final Duration LOG_FLUSH_TIMEOUT = Duration.ofSeconds(2);

  @Parameters(index = "0", description = "Scratch directory for data and logs.")
  private Path workDir;

  @Option(names = "--gateway-seconds", defaultValue = "8")
  private int gatewaySeconds;

  @Option(names = "--farm-seconds", defaultValue = "2")
  private int farmSeconds;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    // INFO, as served: the access and audit lines are part of every call's work.
    LogSetup.configure("info", workDir.resolve("logs"), LogFormat.TEXT);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    String secret = HexFormat.of().formatHex(key);
    String token =
        new TokenMinter(EnvConfigLoader.secret(Map.of("JWT_SECRET", secret)), Clock.systemUTC())
            .mint("rehearsal", Duration.ofHours(1), Optional.empty(), JWSAlgorithm.HS256);
    SortedMap<Integer, Long> statuses =
        Rehearsal.of(
                workDir,
                secret,
                token,
                Duration.ofSeconds(gatewaySeconds),
                Duration.ofSeconds(farmSeconds))
            .run();
    LogSetup.flush(LOG_FLUSH_TIMEOUT);
    System.out.println("rehearsal: calls by HTTP status " + statuses);
    return ExitCodes.OK;
  }
}
