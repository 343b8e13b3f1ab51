package dev.cuegate.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuegate.farm.FarmSpecs;
import dev.cuegate.testing.GatewayExtension;
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
      String frame = JobLife.parse(gateway.post("/job.JobInterface/GetFrames",
              "{\"job\":{\"id\":\"" + jobId + "\"},\"req\":{}}").body())
          .get("frames").get("frames").get(0).get("id").asText();

      assertThatThrownBy(() -> gateway.farm().transaction(tx -> {
        tx.startFrame(frame);
        throw new IllegalStateException("the work failed after starting the frame");
      })).hasMessageContaining("the work failed");
      gateway.farm().startFrame(frame);
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
