package dev.cuegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.Server;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.Tokens;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code cuegate workers} against a real CueGate with its embedded farm and HTTP workers. */
class WorkersCommandTest {
  @RegisterExtension
  static final GatewayExtension gateway =
      new GatewayExtension().embedded().env("WORKER_SECRET_ITERATIONS", "1000");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger NEXT = new AtomicInteger();
  /** The secret {@code cuegate} mints its token with, as an operator's shell would have it. */
  private static final Map<String, String> OPERATOR = Map.of("JWT_SECRET", Tokens.SECRET);

  /** A worker as Flamenco's worker registers: its id and Basic credentials. */
  private record Worker(String id, String nickname, String authorization) {}

  @Test
  void listShowsEachWorkerWithItsStatusPlatformTaskTypesAndLastSeen() throws IOException {
    Worker worker = register();
    assertThat(post(worker, "/sign-on", "{}").statusCode()).isEqualTo(204);

    CliRun run = workers("list");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out().lines().findFirst()).hasValueSatisfying(header -> assertThat(header)
        .startsWith("ID").contains("NICKNAME", "STATUS", "REQUESTED", "PLATFORM", "TASK TYPES",
            "CURRENT TASK", "LAST SEEN"));
    String line = run.out().lines().filter(l -> l.startsWith(worker.id())).findFirst()
        .orElseThrow(() -> new AssertionError("not listed: " + run.out()));
    assertThat(line.split("\\s+")).containsSubsequence(worker.id(), worker.nickname(),
        "starting", "-", "linux", "render,exec", "-");
    assertThat(line).containsPattern("\\d{4}-\\d\\d-\\d\\dT");
  }

  @Test
  void listPrintsTheWarningOfAWorkerThatGetsNoWork() {
    Server manager = Server.builder()
        .http(0)
        .service("/api/workers", (ctx, req) -> com.linecorp.armeria.common.HttpResponse.of(
            HttpStatus.OK, MediaType.JSON_UTF_8, "{\"workers\":[{\"_id\":\"w1id\","
                + "\"nickname\":\"w1\",\"status\":\"awake\",\"platform\":\"linux\","
                + "\"supported_task_types\":[\"blender\"],\"warning\":\"gets no frames\"}]}"))
        .build();
    manager.start().join();
    try {
      CliRun run = CliRun.run(OPERATOR, "workers", "list",
          "--url", "http://127.0.0.1:" + manager.activeLocalPort());

      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
      assertThat(run.out()).contains("warning: w1 (w1id): gets no frames");
    } finally {
      manager.stop().join();
    }
  }

  @Test
  void sleepByNicknameMakesTheWorkersNextTaskRequestAnswerAsleep() throws IOException {
    Worker worker = register();

    CliRun run = workers("sleep", worker.nickname());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("asked " + worker.nickname(), "asleep now");
    HttpResponse<String> task = post(worker, "/task", "");
    assertThat(task.statusCode()).isEqualTo(423);
    assertThat(task.body()).isEqualTo("{\"status_requested\":\"asleep\"}");
    assertThat(workers("list").out()).contains("asleep");
  }

  @Test
  void aLazyShutdownByIdIsListedAsLazyAndAnsweredToTheWorker() throws IOException {
    Worker worker = register();

    CliRun run = workers("shutdown", worker.id(), "--lazy");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("shutdown once its task is done");
    assertThat(post(worker, "/task", "").body()).isEqualTo("{\"status_requested\":\"shutdown\"}");
    assertThat(workers("list").out().lines().filter(l -> l.startsWith(worker.id())))
        .singleElement().asString().contains("shutdown (lazy)");
  }

  @Test
  void wakeAsksAnAsleepWorkerToWakeUp() throws IOException {
    Worker worker = register();
    assertThat(workers("sleep", worker.id()).exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(post(worker, "/ack-status-change/asleep", "").statusCode()).isEqualTo(204);

    CliRun run = workers("wake", worker.nickname());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(post(worker, "/task", "").body()).isEqualTo("{\"status_requested\":\"awake\"}");
  }

  @Test
  void anUnknownWorkerFailsWithExitOneAndChangesNothing() {
    CliRun run = workers("sleep", "nobody-has-this-name");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.err()).contains("no worker has the id or nickname \"nobody-has-this-name\"");
  }

  @Test
  void aBadTokenIsAnApiErrorWithExitOne() {
    CliRun run = CliRun.run(Map.of(), "workers", "list", "--url", gateway.uri("").toString(),
        "--token", "not-a-token");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.err()).contains("answered 401");
  }

  private static CliRun workers(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "workers";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--url";
    all[args.length + 2] = gateway.uri("").toString();
    return CliRun.run(OPERATOR, all);
  }

  private static Worker register() throws IOException {
    String nickname = "cli-worker-" + NEXT.incrementAndGet();
    String secret = "secret-of-" + nickname;
    String doc = JSON.createObjectNode().put("secret", secret).put("platform", "linux")
        .put("nickname", nickname)
        .set("supported_task_types", JSON.createArrayNode().add("render").add("exec"))
        .toString();
    HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(
            gateway.uri("/register-worker"))
        .POST(HttpRequest.BodyPublishers.ofString(doc)).build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode registered = JSON.readTree(response.body());
    String credentials = Base64.getEncoder().encodeToString(
        (registered.get("_id").asText() + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return new Worker(registered.get("_id").asText(), nickname, "Basic " + credentials);
  }

  private static HttpResponse<String> post(Worker worker, String path, String body) {
    return gateway.send(HttpRequest.newBuilder(gateway.uri(path))
        .header("Authorization", worker.authorization())
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }
}
