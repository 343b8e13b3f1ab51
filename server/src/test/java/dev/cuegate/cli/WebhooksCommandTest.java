package dev.cuegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.webhooks.Receiver;
import dev.cuegate.webhooks.Signature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhooksCommandTest {
  @TempDir Path dir;

  private Map<String, String> env(Receiver receiver) throws IOException {
    Path file = Files.writeString(dir.resolve("webhooks.json"), """
        [{"name": "alerts", "url": "%s", "secret": "s3cret", "types": ["frame.dead"]}]
        """.formatted(receiver.uri("/cue")));
    return Map.of("WEBHOOKS_FILE", file.toString());
  }

  @Test
  void aTestEventReachesTheNamedEndpointSigned() throws IOException {
    try (Receiver receiver = Receiver.start()) {
      CliRun run = CliRun.run(env(receiver), "webhooks", "test", "alerts");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("alerts: delivered").contains("HTTP 204");
      assertThat(receiver.received()).hasSize(1);
      Receiver.Received got = receiver.received().get(0);
      assertThat(got.body()).contains("\"type\":\"webhook.test\"").contains("\"endpoint\":\"alerts\"");
      assertThat(got.eventId()).isEqualTo("0");
      assertThat(got.signature()).isEqualTo(Signature.sign(
          "s3cret".getBytes(StandardCharsets.UTF_8), Long.parseLong(got.timestamp()), got.body()));
    }
  }

  @Test
  void aRefusingReceiverExitsOneWithItsStatus() throws IOException {
    try (Receiver receiver = Receiver.start()) {
      receiver.answer(500);

      CliRun run = CliRun.run(env(receiver), "webhooks", "test", "alerts");

      assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
      assertThat(run.err()).contains("alerts: not delivered").contains("HTTP 500");
    }
  }

  @Test
  void anUnknownNameIsAUsageErrorListingTheNames() throws IOException {
    try (Receiver receiver = Receiver.start()) {
      CliRun run = CliRun.run(env(receiver), "webhooks", "test", "nope");

      assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err()).contains("no endpoint named \"nope\"").contains("alerts");
      assertThat(receiver.received()).isEmpty();
    }
  }

  @Test
  void aBadFileIsAUsageErrorNamingTheEntry() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.json"),
        "[{\"name\": \"nosecret\", \"url\": \"http://127.0.0.1:9/\"}]");

    CliRun run = CliRun.run(Map.of("WEBHOOKS_FILE", file.toString()), "webhooks", "test", "x");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("WEBHOOKS_FILE").contains("\"nosecret\"");
  }
}
