package dev.cuegate.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuegate.testing.GatewayExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Operators list workers and ask them to change status, with a user's token. */
class WorkerStatusRequestTest {
  @RegisterExtension
  static final GatewayExtension gateway =
      new GatewayExtension().embedded().env("WORKER_SECRET_ITERATIONS", "1000");

  private final FarmJobs jobs = new FarmJobs(gateway);

  @Test
  void theWorkerListShowsEachWorkerWithoutItsSecret() {
    String taskType = FarmJobs.unique("list");
    TestWorker worker = TestWorker.register(gateway, FarmJobs.unique("lister"), taskType);
    assertThat(worker.signOn().statusCode()).isEqualTo(204);

    HttpResponse<String> response = gateway.send(gateway.request("/api/workers").GET().build());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode listed = find(TestWorker.parse(response.body()), worker.id);
    assertThat(listed.get("nickname").asText()).isEqualTo(worker.nickname);
    assertThat(listed.get("status").asText()).isEqualTo("starting");
    assertThat(listed.get("platform").asText()).isEqualTo("linux");
    assertThat(listed.get("supported_task_types").toString()).isEqualTo("[\"" + taskType + "\"]");
    assertThat(listed.has("last_activity")).isTrue();
    assertThat(response.body()).doesNotContain(worker.secret);
  }

  @Test
  void listingAndRequestingNeedAUserToken() {
    TestWorker worker = TestWorker.register(gateway, FarmJobs.unique("guarded"), "x");

    HttpResponse<String> list = TestWorker.send(gateway,
        HttpRequest.newBuilder(gateway.uri("/api/workers")).GET());
    HttpResponse<String> request = TestWorker.send(gateway,
        HttpRequest.newBuilder(gateway.uri("/api/workers/" + worker.id + "/status-request"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"asleep\"}")));
    HttpResponse<String> withWorkerCredentials = worker.get("/api/workers");

    assertThat(list.statusCode()).isEqualTo(401);
    assertThat(request.statusCode()).isEqualTo(401);
    assertThat(withWorkerCredentials.statusCode()).isEqualTo(401);
    assertThat(worker.fetch().statusCode()).as("nothing was requested").isNotEqualTo(423);
  }

  @Test
  void anImmediateRequestStopsTheRunningTaskAndIsWhatTheNextTaskRequestAnswers() {
    // given
    String taskType = FarmJobs.unique("now");
    jobs.launch(taskType, "1-2", 50, 1);
    TestWorker worker = TestWorker.register(gateway, FarmJobs.unique("sleeper"), taskType);
    String taskId = worker.take().get("_id").asText();

    // when
    HttpResponse<String> requested = request(worker.id, "{\"status\":\"asleep\",\"lazy\":false}");

    // then
    assertThat(requested.statusCode()).isEqualTo(204);
    JsonNode mayRun = TestWorker.parse(worker.mayRun(taskId).body());
    assertThat(mayRun.get("may_keep_running").asBoolean()).isFalse();
    assertThat(mayRun.get("status_requested").asText()).isEqualTo("asleep");
    HttpResponse<String> next = worker.fetch();
    assertThat(next.statusCode()).isEqualTo(423);
    assertThat(next.body()).isEqualTo("{\"status_requested\":\"asleep\"}");
  }

  @Test
  void aLazyRequestLetsTheTaskFinishButNoNewOneStart() {
    // given
    String taskType = FarmJobs.unique("lazy");
    jobs.launch(taskType, "1-2", 50, 1);
    TestWorker worker = TestWorker.register(gateway, FarmJobs.unique("finisher"), taskType);
    String taskId = worker.take().get("_id").asText();

    // when
    assertThat(request(worker.id, "{\"status\":\"shutdown\",\"lazy\":true}").statusCode())
        .isEqualTo(204);

    // then
    JsonNode mayRun = TestWorker.parse(worker.mayRun(taskId).body());
    assertThat(mayRun.get("may_keep_running").asBoolean()).isTrue();
    assertThat(mayRun.get("status_requested").asText()).isEqualTo("shutdown");
    assertThat(worker.fetch().body()).isEqualTo("{\"status_requested\":\"shutdown\"}");
    JsonNode listed = find(TestWorker.parse(gateway.send(
        gateway.request("/api/workers").GET().build()).body()), worker.id);
    assertThat(listed.get("status_requested").asText()).isEqualTo("shutdown");
    assertThat(listed.get("lazy_status_request").asBoolean()).isTrue();
  }

  @Test
  void aStatusThatCannotBeRequestedIsABadRequestAndAnUnknownWorkerIsNotFound() {
    TestWorker worker = TestWorker.register(gateway, FarmJobs.unique("odd"), "x");

    assertThat(request(worker.id, "{\"status\":\"timeout\"}").statusCode()).isEqualTo(400);
    assertThat(request(worker.id, "{\"status\":\"asleep\",\"lazy\":\"yes\"}").statusCode())
        .isEqualTo(400);
    assertThat(request("0123456789abcdef01234567", "{\"status\":\"asleep\"}").statusCode())
        .isEqualTo(404);
    assertThat(request("not-an-id", "{\"status\":\"asleep\"}").statusCode()).isEqualTo(404);
  }

  private static HttpResponse<String> request(String workerId, String body) {
    return gateway.post("/api/workers/" + workerId + "/status-request", body);
  }

  private static JsonNode find(JsonNode list, String workerId) {
    for (JsonNode worker : list.get("workers")) {
      if (worker.get("_id").asText().equals(workerId)) {
        return worker;
      }
    }
    throw new AssertionError("worker " + workerId + " is not listed: " + list);
  }
}
