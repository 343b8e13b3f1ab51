package dev.cuegate.worker;

import static dev.cuegate.worker.FarmJobs.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.Tokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every worker endpoint's status codes and documents, as Flamenco's worker sees them. */
class WorkerEndpointsTest {
  @RegisterExtension
  static final GatewayExtension gateway =
      new GatewayExtension().embedded().env("WORKER_SECRET_ITERATIONS", "1000");

  private static final String UNKNOWN_ID = "0123456789abcdef01234567";

  private final FarmJobs farm = new FarmJobs(gateway);

  private static List<String> keys(JsonNode doc) {
    List<String> keys = new ArrayList<>();
    doc.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static HttpResponse<String> register(String body) {
    return TestWorker.send(gateway, HttpRequest.newBuilder(gateway.uri("/register-worker"))
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  @Test
  void registerAnswersTheWorkerDocumentWithoutTheSecret() {
    HttpResponse<String> response = register("{\"secret\":\"s3cret-value\",\"platform\":\"linux\","
        + "\"supported_task_types\":[\"blender\",\"exec\"],\"nickname\":\"rig01\","
        + "\"cores\":8,\"memory_mb\":16384,\"unknown_field\":true}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    JsonNode worker = TestWorker.parse(response.body());
    assertThat(keys(worker)).containsExactly("_id", "nickname", "address", "status",
        "platform", "supported_task_types", "software", "status_requested",
        "lazy_status_request", "time_cost", "sleep_schedule");
    assertThat(worker.get("_id").asText()).matches("[0-9a-f]{24}");
    assertThat(worker.get("nickname").asText()).isEqualTo("rig01");
    assertThat(worker.get("platform").asText()).isEqualTo("linux");
    assertThat(worker.get("supported_task_types").toString()).isEqualTo("[\"blender\",\"exec\"]");
    assertThat(worker.get("lazy_status_request").isBoolean()).isTrue();
    assertThat(worker.get("time_cost").isInt()).isTrue();
    assertThat(worker.get("sleep_schedule").get("schedule_active").asBoolean()).isFalse();
    assertThat(response.body()).doesNotContain("s3cret-value");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{not json",
      "[]",
      "{\"platform\":\"linux\"}",
      "{\"secret\":\"x\",\"platform\":\"amiga\"}",
      "{\"secret\":\"x\",\"platform\":\"linux\",\"supported_task_types\":\"blender\"}",
  })
  void registerRefusesABadDocumentWith400(String body) {
    assertThat(register(body).statusCode()).isEqualTo(400);
  }

  @Test
  void workerCallsWithoutValidBasicCredentialsAre401WithABasicChallenge() {
    TestWorker worker = TestWorker.register(gateway, unique("w"), "exec");

    List<HttpResponse<String>> answers = List.of(
        TestWorker.send(gateway, HttpRequest.newBuilder(gateway.uri("/sign-on"))
            .POST(HttpRequest.BodyPublishers.ofString("{}"))),
        worker.withSecret("wrong").signOn(),
        worker.withSecret("").fetch(),
        TestWorker.send(gateway, HttpRequest.newBuilder(gateway.uri("/task"))
            .header("Authorization", "Bearer " + Tokens.valid())
            .POST(HttpRequest.BodyPublishers.noBody())));

    for (HttpResponse<String> answer : answers) {
      assertThat(answer.statusCode()).isEqualTo(401);
      assertThat(answer.headers().firstValue("WWW-Authenticate"))
          .hasValue("Basic realm=\"cuegate\"");
    }
  }

  @Test
  void taskAnswersATaskDocumentThatRunsTheFramesFinalCommand() {
    String type = unique("render");
    farm.launch(type, "7", 42, 1);
    TestWorker worker = TestWorker.register(gateway, unique("w"), type);

    HttpResponse<String> response = worker.get("/task");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode task = TestWorker.parse(response.body());
    assertThat(keys(task)).containsExactly("_id", "job", "manager", "project", "user", "name",
        "status", "priority", "job_priority", "job_type", "task_type", "commands", "parents",
        "worker", "failed_by_workers");
    assertThat(task.get("_id").asText()).matches("[0-9a-f]{24}");
    assertThat(task.get("job").asText()).matches("[0-9a-f]{24}");
    assertThat(task.get("name").asText()).isEqualTo("0007-render");
    assertThat(task.get("status").asText()).isEqualTo("active");
    assertThat(task.get("priority").asInt()).isEqualTo(42);
    assertThat(task.get("job_priority").asInt()).isEqualTo(42);
    assertThat(task.get("task_type").asText()).isEqualTo(type);
    assertThat(task.get("worker").asText()).isEqualTo(worker.nickname);
    JsonNode commands = task.get("commands");
    assertThat(commands).hasSize(1);
    assertThat(keys(commands.get(0))).containsExactly("name", "settings");
    assertThat(commands.get(0).get("name").asText()).isEqualTo("exec");
    JsonNode settings = commands.get(0).get("settings");
    assertThat(keys(settings)).containsExactly("cmd", "env");
    assertThat(settings.get("cmd").asText()).isEqualTo("echo 7");
    assertThat(settings.get("env").get("CUE_FRAME").asText()).isEqualTo("0007-render");
    assertThat(settings.get("env").get("CUE_IFRAME").asText()).isEqualTo("7");
    assertThat(task.get("failed_by_workers").isArray()).isTrue();
  }

  @Test
  void taskIs204WhenNothingFitsAnd406WithoutTaskTypes() {
    TestWorker idle = TestWorker.register(gateway, unique("w"), unique("nothing"));
    TestWorker useless = TestWorker.register(gateway, unique("w"));

    assertThat(idle.fetch().statusCode()).isEqualTo(204);
    assertThat(useless.fetch().statusCode()).isEqualTo(406);
  }

  @Test
  void updatesOfUnknownMalformedOrForeignTasksAreRefused() {
    String type = unique("render");
    farm.launch(type, "1", 50, 1);
    TestWorker owner = TestWorker.register(gateway, unique("w"), type);
    TestWorker other = TestWorker.register(gateway, unique("w"), type);
    String taskId = owner.take().get("_id").asText();

    assertThat(owner.update(UNKNOWN_ID, "{}").statusCode()).isEqualTo(404);
    assertThat(owner.update("not-an-id", "{}").statusCode()).isEqualTo(404);
    assertThat(owner.update(taskId.toUpperCase(), "{}").statusCode()).isEqualTo(404);
    assertThat(other.update(taskId, "{\"task_status\":\"completed\"}").statusCode())
        .isEqualTo(409);
    assertThat(owner.update(taskId, "{\"log\":").statusCode()).isEqualTo(400);
    assertThat(owner.update(taskId, "{\"task_progress_percentage\":\"half\"}").statusCode())
        .isEqualTo(400);
    assertThat(owner.update(taskId, "{\"metrics\":{\"timing\":{\"render\":1.5}},\"extra\":1}")
        .statusCode()).isEqualTo(204);
    assertThat(owner.post("/tasks/" + UNKNOWN_ID + "/return", "").statusCode()).isEqualTo(404);
    assertThat(other.post("/tasks/" + taskId + "/return", "").statusCode()).isEqualTo(409);
  }

  @Test
  void mayIRunAnswersAMayKeepRunningResponseEvenForBadIds() {
    String type = unique("render");
    farm.launch(type, "1", 50, 1);
    TestWorker owner = TestWorker.register(gateway, unique("w"), type);
    TestWorker other = TestWorker.register(gateway, unique("w"), type);
    String taskId = owner.take().get("_id").asText();

    HttpResponse<String> mine = owner.mayRun(taskId);
    HttpResponse<String> foreign = other.mayRun(taskId);
    HttpResponse<String> unknown = owner.mayRun(UNKNOWN_ID);
    HttpResponse<String> malformed = owner.mayRun("xyz");

    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(mine.body()).isEqualTo("{\"may_keep_running\":true}");
    for (HttpResponse<String> refused : List.of(foreign, unknown)) {
      assertThat(refused.statusCode()).isEqualTo(200);
      JsonNode answer = TestWorker.parse(refused.body());
      assertThat(keys(answer)).containsExactly("may_keep_running", "reason");
      assertThat(answer.get("may_keep_running").asBoolean()).isFalse();
    }
    assertThat(malformed.statusCode()).isEqualTo(404);
    assertThat(keys(TestWorker.parse(malformed.body())))
        .containsExactly("may_keep_running", "reason");
  }

  @Test
  void statusChangesComeFromLockingAndUnlockingTheWorkersHost() {
    String type = unique("render");
    farm.launch(type, "1-2", 50, 1);
    TestWorker worker = TestWorker.register(gateway, unique("w"), type);
    String taskId = worker.take().get("_id").asText();
    int before = worker.get("/status-change").statusCode();

    farm.ok("/host.HostInterface/Lock", "{\"host\":{\"id\":\"" + worker.id + "\"}}");
    HttpResponse<String> requested = worker.get("/status-change");
    HttpResponse<String> lockedTask = worker.fetch();
    HttpResponse<String> stillRunning = worker.mayRun(taskId);
    worker.finish(taskId, "completed");
    int acknowledged = worker.post("/ack-status-change/asleep", "").statusCode();
    int afterAck = worker.get("/status-change").statusCode();
    JsonNode lockedHost = host(worker);
    farm.ok("/host.HostInterface/Unlock", "{\"host\":{\"id\":\"" + worker.id + "\"}}");
    HttpResponse<String> wakeUp = worker.get("/status-change");

    assertThat(before).isEqualTo(204);
    assertThat(requested.statusCode()).isEqualTo(200);
    assertThat(requested.body()).isEqualTo("{\"status_requested\":\"asleep\"}");
    assertThat(lockedTask.statusCode()).isEqualTo(423);
    assertThat(lockedTask.body()).isEqualTo("{\"status_requested\":\"asleep\"}");
    assertThat(stillRunning.body())
        .isEqualTo("{\"may_keep_running\":true,\"status_requested\":\"asleep\"}");
    assertThat(acknowledged).isEqualTo(204);
    assertThat(afterAck).isEqualTo(204);
    assertThat(lockedHost.get("lockState").asText()).isEqualTo("LOCKED");
    assertThat(wakeUp.body()).isEqualTo("{\"status_requested\":\"awake\"}");
  }

  @Test
  void ackOfSomethingThatIsNotAWorkerStatusIs400() {
    TestWorker worker = TestWorker.register(gateway, unique("w"), "exec");

    assertThat(worker.post("/ack-status-change/dancing", "").statusCode()).isEqualTo(400);
    assertThat(worker.post("/ack-status-change/awake", "").statusCode()).isEqualTo(204);
  }

  @Test
  void workersAreTheFarmsHosts() {
    TestWorker worker = TestWorker.register(gateway, unique("w"), "exec", "blender");

    JsonNode host = host(worker);
    JsonNode found = farm.ok("/host.HostInterface/FindHost",
        "{\"name\":\"" + worker.nickname + "\"}").get("host");

    assertThat(host.get("name").asText()).isEqualTo(worker.nickname);
    assertThat(host.get("os").asText()).isEqualTo("linux");
    assertThat(host.get("tags").toString())
        .isEqualTo("[\"general\",\"" + worker.nickname + "\",\"exec\",\"blender\"]");
    assertThat(host.get("lockState").asText()).isEqualTo("OPEN");
    assertThat(found.get("id").asText()).isEqualTo(worker.id);
  }

  @Test
  void outputProducedNeedsAtLeastOnePath() {
    TestWorker worker = TestWorker.register(gateway, unique("w"), "exec");

    int empty = worker.post("/output-produced", "{\"paths\":[]}").statusCode();
    int missing = worker.post("/output-produced", "{}").statusCode();
    int given = worker.post("/output-produced", "{\"paths\":[\"/renders/0001.png\"]}")
        .statusCode();

    assertThat(empty).isEqualTo(422);
    assertThat(missing).isEqualTo(422);
    assertThat(given).isEqualTo(204);
    assertThat(gateway.gate().workers().orElseThrow().takeOutputs())
        .contains("/renders/0001.png");
  }

  @Test
  void theLogfileIsTheTasksLogForPeopleWithATokenRotatedWhenTheTaskRunsAgain() {
    String type = unique("render");
    farm.launch(type, "1", 50, 1);
    TestWorker worker = TestWorker.register(gateway, unique("w"), type);
    JsonNode task = worker.take();
    String taskId = task.get("_id").asText();
    String path = "/logfile/" + task.get("job").asText() + "/" + taskId;
    worker.update(taskId, "{\"log\":\"first line\\nsecond line\"}");
    worker.update(taskId, "{\"log\":[\"third line\"]}");

    HttpResponse<String> log = gateway.send(gateway.request(path).GET().build());
    HttpResponse<String> anonymous = TestWorker.send(gateway,
        HttpRequest.newBuilder(gateway.uri(path)).GET());
    HttpResponse<String> workerCredentials = worker.get(path);
    assertThat(worker.post("/tasks/" + taskId + "/return", "").statusCode()).isEqualTo(204);
    worker.take();
    worker.update(taskId, "{\"log\":\"second run\"}");
    HttpResponse<String> rotated = gateway.send(gateway.request(path).GET().build());

    assertThat(log.statusCode()).isEqualTo(200);
    assertThat(log.body()).isEqualTo("first line\nsecond line\nthird line\n");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge).startsWith("Bearer"));
    assertThat(workerCredentials.statusCode()).isEqualTo(401);
    assertThat(rotated.body()).isEqualTo("second run\n");
    assertThat(gateway.send(gateway.request("/logfile/" + task.get("job").asText() + "/"
        + UNKNOWN_ID).GET().build()).statusCode()).isEqualTo(404);
    assertThat(gateway.send(gateway.request("/logfile/bad/" + taskId).GET().build())
        .statusCode()).isEqualTo(404);
  }

  @Test
  void aLargeLogIsShownAsHeadAndTailExceptToCurl() {
    String type = unique("render");
    farm.launch(type, "1", 50, 1);
    TestWorker worker = TestWorker.register(gateway, unique("w"), type);
    JsonNode task = worker.take();
    String taskId = task.get("_id").asText();
    String line = "x".repeat(1023) + "\n";
    String chunk = line.repeat(512);
    for (int i = 0; i < 4; i++) {
      assertThat(worker.update(taskId, TestWorker.JSON.createObjectNode()
          .put("log", chunk).toString()).statusCode()).isEqualTo(204);
    }
    String path = "/logfile/" + task.get("job").asText() + "/" + taskId;

    HttpResponse<String> browser = gateway.send(gateway.request(path)
        .header("User-Agent", "Mozilla/5.0").GET().build());
    HttpResponse<String> curl = gateway.send(gateway.request(path)
        .header("User-Agent", "curl/8.5.0").GET().build());

    assertThat(curl.body()).hasSize(4 * chunk.length());
    assertThat(browser.body()).contains("\n... Skipped 1280 KiB ...\n");
    assertThat(browser.body()).hasSizeLessThan(1 << 20);
    assertThat(browser.body()).startsWith(line).endsWith(line);
  }

  private JsonNode host(TestWorker worker) {
    return farm.ok("/host.HostInterface/GetHost", "{\"id\":\"" + worker.id + "\"}").get("host");
  }
}
