package dev.cuegate.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuegate.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingTokenVerifierTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static final Duration LEEWAY = Duration.ofSeconds(30);

  private final ManualClock clock = new ManualClock(NOW);
  private final AtomicInteger calls = new AtomicInteger();

  /** Accepts "Bearer good-<exp seconds>" while the clock is before exp + leeway; counts calls. */
  private final TokenVerifier delegate =
      header -> {
        calls.incrementAndGet();
        if (header == null || !header.startsWith("Bearer good")) {
          throw new AuthException("bad_signature", "bad");
        }
        if (header.equals("Bearer good-no-exp")) {
          return new Principal("noexp", Map.of());
        }
        long exp = Long.parseLong(header.substring("Bearer good-".length()));
        if (!clock.instant().isBefore(Instant.ofEpochSecond(exp).plus(LEEWAY))) {
          throw new AuthException("expired", "expired");
        }
        return new Principal("alice", Map.of("exp", exp));
      };

  private final CachingTokenVerifier verifier = new CachingTokenVerifier(delegate, clock, LEEWAY);

  private String token(Duration lifetime) {
    return "Bearer good-" + NOW.plus(lifetime).getEpochSecond();
  }

  @Test
  void aTokenSeenBeforeIsNotVerifiedAgain() throws AuthException {
    String token = token(Duration.ofHours(1));

    verifier.verify(token);
    Principal again = verifier.verify(token);

    assertThat(again.subject()).isEqualTo("alice");
    assertThat(calls).hasValue(1);
  }

  @Test
  void aCachedTokenExpiresWithItsExpClaimPlusLeeway() throws AuthException {
    String token = token(Duration.ofMinutes(1));
    verifier.verify(token);

    clock.advance(Duration.ofMinutes(1).plus(LEEWAY));

    assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(AuthException.class);
    assertThat(calls).hasValue(2);
  }

  @Test
  void failuresAreNeverCached() {
    assertThatThrownBy(() -> verifier.verify("Bearer forged")).isInstanceOf(AuthException.class);
    assertThatThrownBy(() -> verifier.verify("Bearer forged")).isInstanceOf(AuthException.class);

    assertThat(calls).hasValue(2);
  }

  @Test
  void anyOtherTokenIsVerifiedInFull() throws AuthException {
    verifier.verify(token(Duration.ofHours(1)));
    verifier.verify(token(Duration.ofHours(2)));

    assertThat(calls).hasValue(2);
  }

  @Test
  void tokensWithoutANumericExpAreNotCached() throws AuthException {
    verifier.verify("Bearer good-no-exp");
    verifier.verify("Bearer good-no-exp");

    assertThat(calls).hasValue(2);
  }
}
