package dev.cuegate.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.cuegate.auth.Principal;
import dev.cuegate.config.GatewayConfig;
import dev.cuegate.testing.ManualClock;
import dev.cuegate.traffic.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateLimitDecoratorTest {

  @Test
  void afterAuthenticationEachSubjectHasItsOwnBucket() throws Exception {
    RateLimitDecorator bySubject =
        RateLimitDecorator.bySubject(
            RateLimiter.tokenBuckets(
                new GatewayConfig.RateLimit(1, 1), new ManualClock(Instant.now())));

    assertThat(status(bySubject, "alice")).isEqualTo(200);
    assertThat(status(bySubject, "alice")).isEqualTo(429);
    assertThat(status(bySubject, "bob")).isEqualTo(200);
  }

  @Test
  void zeroRpsDisablesTheLimit() {
    RateLimiter limiter =
        RateLimiter.tokenBuckets(new GatewayConfig.RateLimit(0, 1), new ManualClock(Instant.now()));

    for (int i = 0; i < 1000; i++) {
      assertThat(limiter.acquire("a")).isZero();
    }
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "999000000, 1", "1000000000, 1", "1000000001, 2", "2500000000, 3"})
  void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne(long nanos, long seconds) {
    assertThat(RateLimitDecorator.retryAfterSeconds(Duration.ofNanos(nanos))).isEqualTo(seconds);
  }

  private static int status(RateLimitDecorator decorator, String subject) throws Exception {
    HttpRequest req = HttpRequest.of(HttpMethod.POST, "/show.ShowInterface/GetShows");
    ServiceRequestContext ctx = ServiceRequestContext.of(req);
    ctx.setAttr(RequestAttributes.PRINCIPAL, new Principal(subject, Map.of()));
    HttpResponse response = decorator.serve((c, r) -> HttpResponse.of(200), ctx, req);
    return response.aggregate().join().status().code();
  }
}
