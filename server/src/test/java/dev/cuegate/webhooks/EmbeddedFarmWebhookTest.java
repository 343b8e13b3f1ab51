package dev.cuegate.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuegate.farm.FarmSpecs;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.JsonApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With the embedded farm: a job's life reaches a local receiver as signed webhooks, in order. */
class EmbeddedFarmWebhookTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Receiver receiver = Receiver.startUnchecked();
  private static final Path file = webhooksFile();

  @RegisterExtension
  static final GatewayExtension gateway = new GatewayExtension().embedded()
      .env("WEBHOOKS_FILE", file.toString());

  @AfterAll
  static void stopReceiver() throws IOException {
    receiver.close();
    Files.deleteIfExists(file);
  }

  @Test
  void aJobsFramesAndEndArriveInOrder() throws Exception {
    String name = FarmSpecs.uniqueName("hooks");
    ok("/job.JobInterface/LaunchSpec", JSON.createObjectNode()
        .put("spec", FarmSpecs.spec(name, FarmSpecs.layer("render", "1-2", 1), "")).toString());
    String jobId = ok("/job.JobInterface/FindJob", "{\"name\":\"" + FarmSpecs.fullName(name) + "\"}")
        .get("job").get("id").asText();
    JsonNode frames = ok("/job.JobInterface/GetFrames",
        "{\"job\":{\"id\":\"" + jobId + "\"},\"req\":{}}").get("frames").get("frames");
    String first = frames.get(0).get("id").asText();
    String second = frames.get(1).get("id").asText();

    gateway.farm().startFrame(first, "render-01");
    awaitDeliveries(1);
    gateway.farm().finishFrame(first, 0, "render-01");
    awaitDeliveries(2);
    gateway.farm().startFrame(second, "render-01");
    awaitDeliveries(3);
    gateway.farm().finishFrame(second, 0, "render-01");
    awaitDeliveries(5);

    List<JsonNode> events =
        receiver.received().stream().map(r -> JsonApi.parse(r.body())).toList();
    assertThat(events).extracting(event -> event.get("type").asText()).containsExactly(
        "frame.started", "frame.succeeded", "frame.started", "frame.succeeded", "job.finished");
    assertThat(events.get(0).get("frame").asText()).isEqualTo("0001-render");
    assertThat(events.get(4).get("jobId").asText()).isEqualTo(jobId);
    Receiver.Received last = receiver.received().get(4);
    assertThat(last.signature()).isEqualTo(Signature.sign("farm-secret".getBytes(StandardCharsets.UTF_8),
        Long.parseLong(last.timestamp()), last.body()));
    await().atMost(WAIT).until(() -> metrics().contains(
        "cuegate_webhooks_delivered_total{endpoint=\"farm\"} 5.0"));
  }

  private static void awaitDeliveries(int count) {
    await().atMost(WAIT).until(() -> receiver.received().size() >= count);
  }

  private static JsonNode ok(String path, String body) {
    return JsonApi.ok(gateway.post(path, body));
  }

  private static String metrics() {
    return gateway.admin("/metrics").body();
  }

  /** Frame starts, successes and job ends. */
  private static Path webhooksFile() {
    return Receiver.webhooksFile("""
        [{"name": "farm", "url": "%s", "secret": "farm-secret",
          "types": ["frame.started", "frame.succeeded", "job.finished"]}]
        """.formatted(receiver.uri("/farm")));
  }
}
