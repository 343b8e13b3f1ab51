package dev.cuegate.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuegate.testing.ManualClock;
import dev.cuegate.testing.RandomChecks;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerAuthenticatorTest {
  private static final String ID = "0123456789abcdef01234567";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final SecretHash hasher = new SecretHash(1000, new SecureRandom());
  private final Map<String, String> hashes = new HashMap<>();
  private final AtomicInteger lookups = new AtomicInteger();
  private final WorkerAuthenticator authenticator = new WorkerAuthenticator(id -> {
    lookups.incrementAndGet();
    return Optional.ofNullable(hashes.get(id));
  }, clock);

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aHashMatchesOnlyTheSecretItWasMadeFrom() {
    RandomChecks.forAll(50, random -> {
      String secret = "secret-" + RandomChecks.string(random, 40);
      String other = secret + RandomChecks.string(random, 3) + "y";
      String hash = hasher.hash(secret);

      assertThat(SecretHash.matches(secret, hash)).isTrue();
      assertThat(SecretHash.matches(other, hash)).isFalse();
      assertThat(hash).doesNotContain(secret);
    });
  }

  @Test
  void twoHashesOfOneSecretDifferByTheirSalt() {
    assertThat(hasher.hash("same secret")).isNotEqualTo(hasher.hash("same secret"));
  }

  @Test
  void aVerifiedSecretIsRememberedForAMinuteOnly() {
    hashes.put(ID, hasher.hash("s3cret"));

    authenticator.authenticate(basic(ID, "s3cret"));
    authenticator.authenticate(basic(ID, "s3cret"));
    int withinAMinute = lookups.get();
    clock.advance(WorkerAuthenticator.CACHE_TIME.plus(Duration.ofSeconds(1)));
    authenticator.authenticate(basic(ID, "s3cret"));

    assertThat(withinAMinute).isEqualTo(1);
    assertThat(lookups.get()).isEqualTo(2);
  }

  @Test
  void aRememberedWorkerStillNeedsItsOwnSecret() {
    hashes.put(ID, hasher.hash("s3cret"));
    authenticator.remember(ID, "s3cret");

    assertThatThrownBy(() -> authenticator.authenticate(basic(ID, "guess")))
        .isInstanceOf(WorkerException.class)
        .satisfies(e -> assertThat(((WorkerException) e).kind())
            .isEqualTo(WorkerException.Kind.UNAUTHENTICATED));
  }

  @Test
  void malformedCredentialsAreRefusedWithoutALookup() {
    for (String header : new String[] {null, "Bearer abc", "Basic !!!", basic("short", "x"),
        "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)),
        basic(ID, "")}) {
      assertThatThrownBy(() -> authenticator.authenticate(header))
          .isInstanceOf(WorkerException.class);
    }
    assertThat(lookups.get()).isZero();
  }
}
