package dev.cuegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.Server;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACVerifier;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerCommandTest {
  private static final String SECRET = "a-registration-secret-of-32-bytes!";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path stateDir;

  private final List<AggregatedHttpRequest> requests = new CopyOnWriteArrayList<>();
  /** Registers anyone, then asks every worker to shut down at once. */
  private final Server manager = Server.builder()
      .http(0)
      .gracefulShutdownTimeout(Duration.ZERO, Duration.ZERO)
      .serviceUnder("/", (ctx, req) -> HttpResponse.of(req.aggregate().thenApply(request -> {
        requests.add(request);
        switch (request.path()) {
          case "/register-worker":
            return HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8,
                "{\"_id\":\"0123456789abcdef01234567\"}");
          case "/task":
            return HttpResponse.of(HttpStatus.LOCKED, MediaType.JSON_UTF_8,
                "{\"status_requested\":\"shutdown\"}");
          default:
            return HttpResponse.of(HttpStatus.NO_CONTENT);
        }
      })))
      .build();

  @AfterEach
  void stopManager() {
    manager.stop().join();
  }

  @Test
  void aWorkerRegistersWithASignedTokenAndExitsCleanlyWhenToldToShutDown() throws Exception {
    manager.start().join();

    CliRun run = CliRun.run(Map.of("WORKER_REGISTRATION_SECRET", SECRET), "worker",
        "--manager", "http://127.0.0.1:" + manager.activeLocalPort(),
        "--state-dir", stateDir.toString(), "--nickname", "w1", "--task-types", "exec,echo",
        "--cores", "2", "--memory-mb", "1024");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(requests).map(AggregatedHttpRequest::path).containsExactly(
        "/register-worker", "/sign-on", "/task", "/ack-status-change/shutdown", "/sign-off");
    AggregatedHttpRequest registration = requests.get(0);
    JsonNode body = JSON.readTree(registration.contentUtf8());
    assertThat(body.path("nickname").asText()).isEqualTo("w1");
    assertThat(body.path("supported_task_types").toString()).isEqualTo("[\"exec\",\"echo\"]");
    assertThat(body.path("cores").asInt()).isEqualTo(2);
    assertThat(body.path("memory_mb").asInt()).isEqualTo(1024);
    JWSObject token = JWSObject.parse(
        registration.headers().get("authorization").substring("Bearer ".length()));
    assertThat(token.verify(new MACVerifier(SECRET))).isTrue();
    assertThat(token.getPayload().toJSONObject()).containsKeys("iat", "exp");
  }

  @Test
  void withoutStateDirTheRegistrationIsKeptUnderHome() throws Exception {
    manager.start().join();

    CliRun run = CliRun.run(Map.of("HOME", stateDir.toString()), "worker",
        "--manager", "http://127.0.0.1:" + manager.activeLocalPort(), "--nickname", "w1");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(stateDir.resolve(".local/state/cuegate/worker/worker-credentials.json"))
        .content().contains("0123456789abcdef01234567");
  }

  @Test
  void aStateDirInUseByAnotherAgentEndsTheWorkerAtOnce() throws Exception {
    manager.start().join();
    Files.createDirectories(stateDir);
    try (FileChannel channel = FileChannel.open(stateDir.resolve("agent.lock"),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {

      CliRun run = CliRun.run(Map.of(), "worker",
          "--manager", "http://127.0.0.1:" + manager.activeLocalPort(),
          "--state-dir", stateDir.toString());

      assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
      assertThat(run.err()).contains("another worker agent", stateDir.toString(), "--state-dir");
      assertThat(requests).isEmpty();
    }
  }

  @Test
  void aManagerThatIsNotAnHttpUrlIsAUsageError() {
    CliRun run = CliRun.run(Map.of(), "worker", "--manager", "ftp://host",
        "--state-dir", stateDir.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--manager");
  }
}
