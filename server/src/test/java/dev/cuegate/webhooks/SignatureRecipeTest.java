package dev.cuegate.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cuegate.events.EventBus;
import dev.cuegate.events.EventFilter;
import dev.cuegate.events.EventType;
import dev.cuegate.testing.Repository;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receiver's check that docs/EVENTS.md gives, run as written against a real delivery. */
class SignatureRecipeTest {
  private static final Pattern PYTHON_BLOCK =
      Pattern.compile("## Webhooks.*?```python\\n(.*?)```", Pattern.DOTALL);

  @TempDir Path dir;

  @Test
  void theDocumentedCheckAcceptsADeliveryAndRefusesATamperedOne() throws Exception {
    Assumptions.assumeTrue(python3Runs(), "python3 is not installed");
    Matcher block = PYTHON_BLOCK.matcher(
        Files.readString(Repository.root().resolve("docs/EVENTS.md")));
    assertThat(block.find()).as("a python block in the Webhooks section").isTrue();
    Receiver.Received got;
    try (Receiver receiver = Receiver.start()) {
      EventBus bus = new EventBus(10, Clock.systemUTC(), new SimpleMeterRegistry());
      try (Webhooks webhooks = Webhooks.start(
          List.of(new WebhookEndpoint("docs", receiver.uri("/"),
              new EventFilter(Set.of(), Set.of(), Set.of()), "doc-secret")),
          bus, dir.resolve("webhooks"), WebhookSettings.defaults(), Clock.systemUTC(),
          new SimpleMeterRegistry())) {
        bus.publish(EventType.JOB_FINISHED, "demo", "demo-a", Map.of("deadFrames", 0));
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 1);
        got = receiver.received().get(0);
      }
    }
    Path body = Files.writeString(dir.resolve("body.json"), got.body());
    String check = block.group(1) + """
        import sys
        headers = {"X-CueGate-Timestamp": sys.argv[1], "X-CueGate-Signature": sys.argv[2]}
        body = open(sys.argv[3], "rb").read()
        print(verify(b"doc-secret", headers, body), verify(b"doc-secret", headers, body + b" "),
              verify(b"wrong", headers, body))
        """;
    Path script = Files.writeString(dir.resolve("check.py"), check);

    assertThat(python(script, got.timestamp(), got.signature(), body.toString()))
        .isEqualTo("True False False");
  }

  private static String python(Path script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("python3", script.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
  }

  private static boolean python3Runs() {
    try {
      Process process = new ProcessBuilder("python3", "-c", "pass").start();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
