package dev.cuegate.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuegate.farm.FarmSpecs;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.SseClient;
import dev.cuegate.testing.Tokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With the embedded farm: a job's life, as committed in its store, arrives on the stream. */
class EmbeddedFarmEventsTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final GatewayExtension gateway =
      new GatewayExtension().embedded().env("EVENTS_POLL_INTERVAL", "100ms");

  @Test
  void aJobsLifeArrivesInOrder() throws Exception {
    String name = FarmSpecs.uniqueName("events");
    String full = FarmSpecs.fullName(name);
    try (SseClient events =
        SseClient.open(gateway.uri("/events?job=" + full), Tokens.valid(), null)) {
      ok("/job.JobInterface/LaunchSpec", JSON.createObjectNode()
          .put("spec", FarmSpecs.spec(name, FarmSpecs.layer("render", "1-2", 1), "")).toString());
      String jobId = ok("/job.JobInterface/FindJob", "{\"name\":\"" + full + "\"}")
          .get("job").get("id").asText();
      JsonNode frames = ok("/job.JobInterface/GetFrames",
          "{\"job\":{\"id\":\"" + jobId + "\"},\"req\":{}}").get("frames").get("frames");
      String first = frames.get(0).get("id").asText();
      String second = frames.get(1).get("id").asText();
      awaitRounds(2);

      gateway.farm().startFrame(first);
      JsonNode started = next(events);
      gateway.farm().finishFrame(first, 0);
      JsonNode succeeded = next(events);
      gateway.farm().startFrame(second);
      next(events);
      gateway.farm().finishFrame(second, 0);
      JsonNode secondSucceeded = next(events);
      JsonNode finished = next(events);

      assertThat(started.get("type").asText()).isEqualTo("frame.started");
      assertThat(started.get("frame").asText()).isEqualTo("0001-render");
      assertThat(started.get("show").asText()).isEqualTo("testing");
      assertThat(succeeded.get("type").asText()).isEqualTo("frame.succeeded");
      assertThat(secondSucceeded.get("frame").asText()).isEqualTo("0002-render");
      assertThat(finished.get("type").asText()).isEqualTo("job.finished");
      assertThat(finished.get("succeeded").asBoolean()).isTrue();
      assertThat(finished.get("jobId").asText()).isEqualTo(jobId);
    }
  }

  /** The next event other than the launch, which the watcher may or may not have seen happen. */
  private static JsonNode next(SseClient events) throws Exception {
    while (true) {
      SseClient.Message message = events.nextData(WAIT);
      assertThat(message.isEnd()).isFalse();
      JsonNode event = JSON.readTree(message.data());
      if (!event.get("type").asText().equals("job.launched")) {
        return event;
      }
    }
  }

  private static JsonNode ok(String path, String body) throws Exception {
    HttpResponse<String> response = gateway.post(path, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static void awaitRounds(int more) {
    double target = rounds() + more;
    Awaitility.await("the watcher's next " + more + " rounds").atMost(WAIT)
        .until(() -> rounds() >= target);
  }

  private static double rounds() {
    return gateway.admin("/metrics").body().lines()
        .filter(line -> line.startsWith("cuegate_events_watcher_rounds_total"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
