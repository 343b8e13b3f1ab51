package dev.cuegate.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuegate.farm.FarmSpecs;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.JsonApi;
import dev.cuegate.testing.SseClient;
import dev.cuegate.testing.Tokens;
import dev.cuegate.worker.TestWorker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The embedded farm's events come from its store's transactions: exactly the changes committed,
 * in order, with ids that rise by one and continue across a restart. Run on each database by a
 * subclass.
 */
abstract class EmbeddedFarmEventsContract {
  private final GatewayExtension gateway;

  EmbeddedFarmEventsContract(GatewayExtension gateway) {
    this.gateway = gateway;
  }

  @Test
  void aJobsWholeLifeProducesExactlyTheExpectedEventsInOrder() throws Exception {
    JobLife life = new JobLife(gateway, "life");
    try (SseClient stream = SseClient.open(gateway.uri("/events"), Tokens.valid(), null)) {
      life.run();
      List<JsonNode> events = JobLife.read(stream, life.expected().size());
      // A last change shows that nothing else came between the life's events and it.
      gateway.post("/job.JobInterface/AddComment", "{\"job\":{\"id\":\""
          + events.get(0).get("jobId").asText() + "\"},\"new_comment\":{\"user\":\"bob\","
          + "\"subject\":\"done\",\"message\":\"\"}}");
      JsonNode last = JobLife.read(stream, 1).get(0);

      assertThat(events).extracting(JobLife::summary).containsExactlyElementsOf(life.expected());
      JobLife.assertConsecutive(events);
      assertThat(JobLife.summary(last)).isEqualTo("comment.added " + life.job()
          + " user=bob subject=done");
      assertThat(events.get(4).get("frameId").asText()).isNotEmpty();
      assertThat(events.get(4).get("layer").asText()).isEqualTo("render");
      assertThat(events.get(4).get("show").asText()).isEqualTo("testing");
    }
  }

  @Test
  void aChangeThatRolledBackIsNoEvent() throws Exception {
    JobLife life = new JobLife(gateway, "rollback");
    try (SseClient stream = SseClient.open(gateway.uri("/events"), Tokens.valid(), null)) {
      life.steps().get(0).action().run();
      JsonNode launched = JobLife.read(stream, 1).get(0);
      String jobId = launched.get("jobId").asText();
      String frame = JsonApi.parse(gateway.post("/job.JobInterface/GetFrames",
              "{\"job\":{\"id\":\"" + jobId + "\"},\"req\":{}}").body())
          .get("frames").get("frames").get(0).get("id").asText();

      assertThatThrownBy(() -> gateway.farm().transaction(tx -> {
        tx.startFrame(frame, JobLife.HOST);
        throw new IllegalStateException("the work failed after starting the frame");
      })).hasMessageContaining("the work failed");
      gateway.farm().startFrame(frame, JobLife.HOST);
      JsonNode started = JobLife.read(stream, 1).get(0);

      assertThat(started.get("type").asText()).isEqualTo("frame.started");
      assertThat(started.get("frameId").asText()).isEqualTo(frame);
      JobLife.assertConsecutive(List.of(launched, started));
    }
  }

  @Test
  void aWorkerComingUpBeingLockedUnlockedAndGoingDownMakesHostEvents() throws Exception {
    String nickname = FarmSpecs.uniqueName("host");
    try (SseClient stream = SseClient.open(
        gateway.uri("/events?types=host.up,host.down,host.locked,host.unlocked"),
        Tokens.valid(), null)) {
      TestWorker worker = TestWorker.register(gateway, nickname, "render");
      assertThat(worker.signOn().statusCode()).isEqualTo(204);
      JsonNode up = JobLife.read(stream, 1).get(0);
      String hostId = up.get("hostId").asText();
      hostCall("Lock", hostId);
      hostCall("Unlock", hostId);
      assertThat(worker.post("/sign-off", "").statusCode()).isEqualTo(204);
      List<JsonNode> rest = JobLife.read(stream, 3);

      assertThat(up.get("type").asText()).isEqualTo("host.up");
      assertThat(up.get("host").asText()).isEqualTo(nickname);
      assertThat(up.has("show")).isFalse();
      assertThat(rest).extracting(event -> event.get("type").asText() + " "
              + event.get("host").asText() + " " + event.get("hostId").asText())
          .containsExactly("host.locked " + nickname + " " + hostId,
              "host.unlocked " + nickname + " " + hostId,
              "host.down " + nickname + " " + hostId);
      assertThat(rest.get(0).get("lockState").asText()).isEqualTo("LOCKED");
      assertThat(rest.get(2).get("state").asText()).isEqualTo("DOWN");
    }
  }

  @Test
  void framesAWorkerRunsNameItAsTheHostCallsDoAndSoDoOperatorsChangesWhileItRunsThem()
      throws Exception {
    String taskType = FarmSpecs.uniqueName("hosted");
    String nickname = FarmSpecs.uniqueName("host");
    TestWorker worker = TestWorker.register(gateway, nickname, taskType);
    assertThat(worker.signOn().statusCode()).isEqualTo(204);
    String job = FarmSpecs.uniqueName("hosted");
    assertThat(gateway.post("/job.JobInterface/LaunchSpec", JobLife.JSON.createObjectNode()
        .put("spec", FarmSpecs.spec(job, "<layer name=\"render\" type=\"Render\">"
            + "<cmd>echo #IFRAME#</cmd><range>1-2</range><chunk>1</chunk><services><service>"
            + taskType + "</service></services></layer>", "")).toString()).statusCode())
        .isEqualTo(200);
    String jobId = JsonApi.parse(gateway.post("/job.JobInterface/FindJob",
        "{\"name\":\"" + FarmSpecs.fullName(job) + "\"}").body()).get("job").get("id").asText();
    assertThat(gateway.post("/job.JobInterface/SetMaxRetries",
        "{\"job\":{\"id\":\"" + jobId + "\"},\"max_retries\":2}").statusCode()).isEqualTo(200);
    String types = "frame.started,frame.succeeded,frame.failed,frame.retried,frame.dead,"
        + "frame.eaten";
    try (SseClient stream = SseClient.open(gateway.uri("/events?job="
        + FarmSpecs.fullName(job) + "&types=" + types), Tokens.valid(), null)) {
      // The only worker of its task type fails the first frame: nobody is left to retry it.
      worker.finish(worker.take().get("_id").asText(), "failed");
      JsonNode started = JobLife.read(stream, 1).get(0);
      List<JsonNode> failed = JobLife.read(stream, 3);
      String first = started.get("frame").asText();
      String firstId = started.get("frameId").asText();
      String second = first.equals("0001-render") ? "0002-render" : "0001-render";
      String secondTask = worker.take().get("_id").asText();
      JsonNode running = JobLife.read(stream, 1).get(0);
      frameCall("Kill", running.get("frameId").asText());
      JsonNode killed = JobLife.read(stream, 1).get(0);
      worker.take();
      worker.finish(secondTask, "completed");
      List<JsonNode> succeeded = JobLife.read(stream, 2);
      frameCall("Retry", firstId);
      frameCall("Eat", firstId);
      List<JsonNode> byHand = JobLife.read(stream, 2);

      String on = " host=" + nickname;
      String full = FarmSpecs.fullName(job);
      List<JsonNode> events = new ArrayList<>(List.of(started));
      events.addAll(failed);
      events.add(running);
      events.add(killed);
      events.addAll(succeeded);
      events.addAll(byHand);
      assertThat(events).extracting(JobLife::summary).containsExactly(
          "frame.started " + full + " " + first + on,
          "frame.failed " + full + " " + first + on + " exitStatus=1",
          "frame.retried " + full + " " + first + on + " retryCount=1",
          "frame.dead " + full + " " + first + on + " exitStatus=1",
          "frame.started " + full + " " + second + on,
          "frame.retried " + full + " " + second + on + " retryCount=0",
          "frame.started " + full + " " + second + on,
          "frame.succeeded " + full + " " + second + on,
          "frame.retried " + full + " " + first + " retryCount=1",
          "frame.eaten " + full + " " + first);
      assertThat(JsonApi.parse(gateway.post("/host.HostInterface/GetHosts", "{}").body())
          .get("hosts").get("hosts").findValuesAsText("name")).contains(nickname);
    }
  }

  private void frameCall(String method, String frameId) {
    assertThat(gateway.post("/job.FrameInterface/" + method,
        "{\"frame\":{\"id\":\"" + frameId + "\"}}").statusCode()).isEqualTo(200);
  }

  private void hostCall(String method, String hostId) {
    assertThat(gateway.post("/host.HostInterface/" + method,
        "{\"host\":{\"id\":\"" + hostId + "\"}}").statusCode()).isEqualTo(200);
  }

  @Test
  void aReaderResumesAcrossARestartWithNoGapAndNoDuplicate() throws Exception {
    JobLife life = new JobLife(gateway, "restart");
    List<JobLife.Step> steps = life.steps();
    int before = 6;
    int expectedBefore = steps.subList(0, before).stream()
        .mapToInt(step -> step.expected().size()).sum();
    int seen = expectedBefore - 3;
    List<JsonNode> first;
    try (SseClient stream = SseClient.open(gateway.uri("/events"), Tokens.valid(), null)) {
      for (JobLife.Step step : steps.subList(0, before)) {
        step.action().run();
      }
      // The reader took only some of what was sent when CueGate went away.
      first = JobLife.read(stream, seen);
      gateway.restart();
    }
    for (JobLife.Step step : steps.subList(before, steps.size())) {
      step.action().run();
    }
    String lastSeen = first.get(first.size() - 1).get("id").asText();
    try (SseClient resumed =
        SseClient.open(gateway.uri("/events"), Tokens.valid(), lastSeen)) {
      List<JsonNode> rest = JobLife.read(resumed, life.expected().size() - seen);

      List<JsonNode> all = new ArrayList<>(first);
      all.addAll(rest);
      assertThat(all).extracting(JobLife::summary)
          .containsExactlyElementsOf(life.expected());
      JobLife.assertConsecutive(all);
    }
  }
}
