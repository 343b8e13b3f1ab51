package dev.cuegate.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cuegate.testing.GatewayExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The threads that write large answers end seconds after the last one, not a minute later. */
class BlockingThreadsTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @Test
  void theThreadsOfLargeAnswersEndSoonAfterTheLastAnswer() {
    gateway.cuebot().addGeneratedJobs(3_000);

    HttpResponse<String> response = gateway.post("/job.JobInterface/GetJobs", "{}");

    assertThat(response.statusCode()).isEqualTo(200);
    // Above the size that is streamed from a blocking thread.
    assertThat(response.body().length()).isGreaterThan(512 * 1024);
    assertThat(blockingThreads()).isPositive();
    // Armeria's shared pool would keep the thread for 60 s.
    await().atMost(Duration.ofSeconds(20)).until(() -> blockingThreads() == 0);
  }

  private static long blockingThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("cuegate-blocking"))
        .count();
  }
}
