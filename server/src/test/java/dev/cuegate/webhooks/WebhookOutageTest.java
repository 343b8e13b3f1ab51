package dev.cuegate.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuegate.events.JobLife;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.JsonApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Against the embedded farm, with the default retry settings: a receiver that is down for a full
 * minute while a job lives gets every event once it is back, in order, and none twice.
 */
class WebhookOutageTest {
  private static final Duration OUTAGE = Duration.ofMinutes(1);
  private static final Receiver before = Receiver.startUnchecked();
  private static final int port = before.port();
  private static final Path file = webhooksFile();

  @RegisterExtension
  static final GatewayExtension gateway =
      new GatewayExtension().embedded().env("WEBHOOKS_FILE", file.toString());

  @AfterAll
  static void removeFile() throws IOException {
    Files.deleteIfExists(file);
  }

  @Test
  void aReceiverDownForAMinuteGetsEveryEventOnceItIsBackAndNoneTwice() throws Exception {
    before.close();
    Instant down = Instant.now();
    JobLife life = new JobLife(gateway, "outage");
    life.run();
    int count = life.expected().size();
    await("a minute of outage, with failed attempts").atMost(OUTAGE.plusSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> Duration.between(down, Instant.now()).compareTo(OUTAGE) >= 0
            && metric("cuegate_webhooks_failed_total{endpoint=\"outage\"}") >= 3);
    double queuedWhileDown = metric("cuegate_webhooks_queued{endpoint=\"outage\"}");

    try (Receiver back = Receiver.startOn(port)) {
      // Retries double from 1 s: the one after a minute's failures comes about 63 s after the
      // first, the next (should that one still have failed) about 64 s later.
      await("every event delivered").atMost(Duration.ofMinutes(3))
          .until(() -> metric("cuegate_webhooks_queued{endpoint=\"outage\"}") == 0);

      List<JsonNode> delivered =
          back.received().stream().map(request -> JsonApi.parse(request.body())).toList();
      assertThat(queuedWhileDown).isEqualTo(count);
      assertThat(delivered).extracting(JobLife::summary)
          .containsExactlyElementsOf(life.expected());
      JobLife.assertConsecutive(delivered);
      assertThat(metric("cuegate_webhooks_delivered_total{endpoint=\"outage\"}"))
          .isEqualTo(count);
    }
  }

  private static double metric(String name) {
    return gateway.admin("/metrics").body().lines()
        .filter(line -> line.startsWith(name + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(-1);
  }

  private static Path webhooksFile() {
    return Receiver.webhooksFile("""
        [{"name": "outage", "url": "%s", "secret": "outage-secret"}]
        """.formatted(before.uri("/outage")));
  }
}
