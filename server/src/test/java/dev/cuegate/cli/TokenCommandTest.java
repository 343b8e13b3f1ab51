package dev.cuegate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuegate.auth.AuthException;
import dev.cuegate.auth.JwtVerifier;
import dev.cuegate.auth.Principal;
import dev.cuegate.testing.Tokens;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Map<String, String> ENV = Map.of("JWT_SECRET", Tokens.SECRET);

  private static CliRun token(Map<String, String> env, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "token";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliRun.run(new CliEnvironment(env, CLOCK, new ByteArrayInputStream(new byte[0])), all);
  }

  private static Principal verify(String token, byte[] secret, Instant at) throws AuthException {
    return JwtVerifier.builder(secret)
        .leeway(Duration.ZERO)
        .clock(Clock.fixed(at, ZoneOffset.UTC))
        .build()
        .verify("Bearer " + token);
  }

  private static String header(String token) {
    return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
  }

  @Test
  void mintedTokenIsAcceptedByTheGatewaysVerifier() throws AuthException {
    CliRun run = token(ENV, "--sub", "alice", "--role", "read-only");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    String token = run.out().strip();
    assertThat(token).doesNotContain("\n");
    Principal principal =
        verify(token, Tokens.SECRET.getBytes(StandardCharsets.UTF_8), NOW.plusSeconds(60));
    assertThat(principal.subject()).isEqualTo("alice");
    assertThat(principal.claims()).containsEntry("role", "read-only");
    assertThat(header(token)).contains("\"HS256\"");
  }

  @Test
  void ttlSetsTheExpiry() {
    String token = token(ENV, "--sub", "alice", "--ttl", "90s").out().strip();
    byte[] secret = Tokens.SECRET.getBytes(StandardCharsets.UTF_8);

    assertThatCode(() -> verify(token, secret, NOW.plusSeconds(89))).doesNotThrowAnyException();
    assertThatThrownBy(() -> verify(token, secret, NOW.plusSeconds(91)))
        .isInstanceOf(AuthException.class);
  }

  @Test
  void algorithmCanBeChosen() throws AuthException {
    String token = token(ENV, "--sub", "ci", "--alg", "HS512").out().strip();

    assertThat(header(token)).contains("\"HS512\"");
    assertThat(verify(token, Tokens.SECRET.getBytes(StandardCharsets.UTF_8), NOW).subject())
        .isEqualTo("ci");
  }

  @Test
  void secretIsReadFromJwtSecretFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("secret");
    Files.writeString(file, "a-secret-from-a-file-that-is-long-enough-for-hs256\n");

    CliRun run = token(Map.of("JWT_SECRET_FILE", file.toString()), "--sub", "bob");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    byte[] secret = "a-secret-from-a-file-that-is-long-enough-for-hs256".getBytes(StandardCharsets.UTF_8);
    assertThat(verify(run.out().strip(), secret, NOW).subject()).isEqualTo("bob");
  }

  @Test
  void withoutASecretItFailsWithExitCode2() {
    CliRun run = token(Map.of(), "--sub", "alice");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("JWT_SECRET");
  }

  @Test
  void badUsageExitsWith2() {
    assertThat(token(ENV).exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(token(ENV, "--sub", "a", "--ttl", "soon").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(token(ENV, "--sub", "a", "--ttl", "-1h").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(token(ENV, "--sub", "a", "--alg", "none").exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void helpDescribesTheOptions() {
    CliRun run = token(ENV, "--help");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("--sub", "--ttl", "--role", "--alg");
  }
}
