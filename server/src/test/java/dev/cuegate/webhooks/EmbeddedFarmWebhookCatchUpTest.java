package dev.cuegate.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuegate.farm.FarmSpecs;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.JsonApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With the embedded farm: CueGate takes the journal's events above the webhooks' mark at start,
 * so an event a crash kept from the queues reaches the receiver once, and a normal restart sends
 * nothing again.
 */
class EmbeddedFarmWebhookCatchUpTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Receiver receiver = Receiver.startUnchecked();
  private static final Path file = tempFile();

  @RegisterExtension
  static final GatewayExtension gateway = new GatewayExtension().embedded()
      .env("WEBHOOKS_FILE", writeEndpoint("/first").toString());

  @AfterAll
  static void stopReceiver() throws IOException {
    receiver.close();
    Files.deleteIfExists(file);
  }

  @Test
  void anEventCommittedJustBeforeACrashArrivesOnceAfterTheRestart() throws Exception {
    String name = FarmSpecs.uniqueName("catchup");
    ok("/job.JobInterface/LaunchSpec", JSON.createObjectNode()
        .put("spec", FarmSpecs.spec(name, FarmSpecs.layer("render", "1", 1), "")).toString());
    await().atMost(WAIT).until(() -> metrics().contains(
        "cuegate_webhooks_delivered_total{endpoint=\"farm\"} 1.0"));
    String launched = receiver.eventIds("/first").get(0);
    String jobId = ok("/job.JobInterface/FindJob",
        "{\"name\":\"" + FarmSpecs.fullName(name) + "\"}").get("job").get("id").asText();
    // What a crash right after the launch's commit leaves: the event in the journal, the mark
    // before it, no queue file. The endpoint now points where the lost delivery is counted.
    new EnqueuedMark(gateway.dataDir().resolve("webhooks")).write(Long.parseLong(launched) - 1);
    writeEndpoint("/second");

    gateway.restart();
    await().atMost(WAIT).until(() -> receiver.eventIds("/second").size() == 1);
    ok("/job.JobInterface/Pause", "{\"job\":{\"id\":\"" + jobId + "\"}}");
    await().atMost(WAIT).until(() -> receiver.eventIds("/second").size() == 2);
    gateway.restart();
    ok("/job.JobInterface/Resume", "{\"job\":{\"id\":\"" + jobId + "\"}}");
    await().atMost(WAIT).until(() -> receiver.eventIds("/second").size() >= 3);

    List<String> types = receiver.received().stream()
        .filter(received -> received.path().equals("/second"))
        .map(received -> JsonApi.parse(received.body()).get("type").asText()).toList();
    assertThat(types).containsExactly("job.launched", "job.paused", "job.resumed");
    assertThat(receiver.eventIds("/second").get(0)).isEqualTo(launched);
    assertThat(receiver.eventIds("/first")).containsExactly(launched);
  }

  private static JsonNode ok(String path, String body) {
    return JsonApi.ok(gateway.post(path, body));
  }

  private static String metrics() {
    return gateway.admin("/metrics").body();
  }

  private static Path tempFile() {
    try {
      return Files.createTempFile("webhooks", ".json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One endpoint for a job's pause state, at {@code path} of the receiver; read at start. */
  private static Path writeEndpoint(String path) {
    try {
      return Files.writeString(file, """
          [{"name": "farm", "url": "%s", "secret": "farm-secret",
            "types": ["job.launched", "job.paused", "job.resumed"]}]
          """.formatted(receiver.uri(path)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
