package dev.cuegate.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.testing.Tokens;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rehearsal answers its calls as a served CueGate would: worth recording only if the calls took
 * the real paths (a bad token would make every call a 401, and the JVM would learn nothing).
 */
class RehearsalTest {
  @TempDir Path work;

  @Test
  void bothPhasesAnswerTheHotMixAndEachKindOfClientError() throws InterruptedException {
    String token = Tokens.hs256(Tokens.SECRET, "rehearsal", Instant.now().plusSeconds(600));

    SortedMap<Integer, Long> statuses =
        Rehearsal.of(work, Tokens.SECRET, token, Duration.ofSeconds(1), Duration.ofSeconds(1))
            .run();

    // Each phase: 20 calls without a token, 20 with bad JSON, 20 to no such method.
    assertThat(statuses.get(401)).isEqualTo(40);
    assertThat(statuses.get(400)).isGreaterThanOrEqualTo(40);
    assertThat(statuses.get(404)).isGreaterThanOrEqualTo(40);
    assertThat(statuses.get(200)).isGreaterThan(statuses.get(401) + statuses.get(404));
    assertThat(statuses.keySet()).doesNotContain(500, 502, 503, 504);
  }
}
