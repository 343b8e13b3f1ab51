package dev.cuegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.Tokens;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code cuegate call} against a real gateway in front of the fake Cuebot. */
class CallCommandTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static String url() {
    return gateway.uri("").toString();
  }

  private static CliRun call(Map<String, String> env, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "call";
    all[1] = "--url";
    all[2] = url();
    System.arraycopy(args, 0, all, 3, args.length);
    return CliRun.run(env, all);
  }

  @Test
  void answerIsPrettyPrintedAndExitCodeIs0() {
    CliRun run =
        call(Map.of(), "--token", Tokens.valid(), "show.ShowInterface/FindShow", "{\"name\":\"testing\"}");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("\"name\" : \"testing\"").contains("\n  \"show\" : {");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void tokenComesFromCuegateTokenVariable() {
    CliRun run = call(Map.of("CUEGATE_TOKEN", Tokens.valid()), "show.ShowInterface/GetShows");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("\"pipeline\"");
  }

  @Test
  void tokenIsMintedFromJwtSecretWhenNoneIsGiven() {
    CliRun run = call(Map.of("JWT_SECRET", Tokens.SECRET), "/show.ShowInterface/GetShows", "{}");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("\"testing\"");
  }

  @Test
  void bodyIsReadFromAFile(@TempDir Path dir) throws Exception {
    Path body = dir.resolve("find.json");
    Files.writeString(body, "{\"name\":\"pipeline\"}");

    CliRun run =
        call(Map.of("CUEGATE_TOKEN", Tokens.valid()), "show.ShowInterface/FindShow", "-d", "@" + body);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("\"name\" : \"pipeline\"");
  }

  @Test
  void bodyIsReadFromStdin() {
    CliRun run =
        CliRun.withStdin(
            Map.of("CUEGATE_TOKEN", Tokens.valid()),
            "{\"name\":\"pipeline\"}",
            "call", "--url", url(), "show.ShowInterface/FindShow", "-d", "-");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("\"name\" : \"pipeline\"");
  }

  @Test
  void apiErrorGoesToStderrWithExitCode1() {
    CliRun run =
        call(Map.of("CUEGATE_TOKEN", Tokens.valid()), "show.ShowInterface/FindShow", "{\"name\":\"nope\"}");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("\"code\" : 5");
  }

  @Test
  void unknownFieldWarningsArePrintedToStderr() {
    CliRun run =
        call(Map.of("CUEGATE_TOKEN", Tokens.valid()), "show.ShowInterface/FindShow",
            "{\"name\":\"testing\",\"colour\":\"red\"}");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.err()).contains("warning: 299 - \"unknown field \\\"colour\\\"\"");
  }

  @Test
  void unreachableGatewayExitsWith1() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    CliRun run =
        CliRun.run(
            Map.of("CUEGATE_TOKEN", Tokens.valid()),
            "call", "--url", "http://127.0.0.1:" + port, "show.ShowInterface/GetShows");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.err()).contains("cannot connect");
  }

  @Test
  void usageErrorsExitWith2() {
    Map<String, String> env = Map.of("CUEGATE_TOKEN", Tokens.valid());

    assertThat(call(env, "show.ShowInterface/GetShows", "{}", "-d", "{}").exitCode())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(call(env, "GetShows").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(call(env, "show.ShowInterface/GetShows", "-d", "@/no/such/file").exitCode())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(call(Map.of(), "show.ShowInterface/GetShows").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(call(env).exitCode()).isEqualTo(ExitCodes.USAGE);
  }
}
