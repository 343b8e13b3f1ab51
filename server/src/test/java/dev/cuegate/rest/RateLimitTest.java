package dev.cuegate.rest;

import static dev.cuegate.rest.RestGatewayTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.ManualClock;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** RATE_LIMIT_RPS and RATE_LIMIT_BURST, with time moved by hand. */
class RateLimitTest {
  private static final String PATH = "/show.ShowInterface/GetActiveShows";
  private static final ManualClock clock = new ManualClock(Instant.now());

  @RegisterExtension
  static final GatewayExtension gateway =
      new GatewayExtension()
          .clock(clock)
          .env("RATE_LIMIT_RPS", "2")
          .env("RATE_LIMIT_BURST", "3");

  @BeforeEach
  void bucketsAreFull() {
    clock.advance(Duration.ofMinutes(1));
  }

  @Test
  void requestsBeyondTheBurstGet429WithRetryAfterAndTheJsonBody() {
    for (int i = 0; i < 3; i++) {
      assertThat(gateway.post(PATH, "{}").statusCode()).isEqualTo(200);
    }

    HttpResponse<String> limited = gateway.post(PATH, "{}");

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("retry-after")).contains("1");
    assertThat(json(limited).get("code").asInt()).isEqualTo(8);
    assertThat(json(limited).get("message").asText()).contains("rate limit");
  }

  @Test
  void theAllowanceComesBackWithTime() {
    for (int i = 0; i < 3; i++) {
      gateway.post(PATH, "{}");
    }
    assertThat(gateway.post(PATH, "{}").statusCode()).isEqualTo(429);

    clock.advance(Duration.ofMillis(500));

    assertThat(gateway.post(PATH, "{}").statusCode()).isEqualTo(200);
    assertThat(gateway.post(PATH, "{}").statusCode()).isEqualTo(429);
  }

  @Test
  void aFloodOfBadTokensIsLimitedBeforeTheTokensAreChecked() {
    HttpRequest bad =
        HttpRequest.newBuilder(gateway.uri(PATH))
            .header("Authorization", "Bearer not-a-token")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    for (int i = 0; i < 3; i++) {
      assertThat(gateway.send(bad).statusCode()).isEqualTo(401);
    }

    assertThat(gateway.send(bad).statusCode()).isEqualTo(429);
    assertThat(gateway.post(PATH, "{}").statusCode()).isEqualTo(429);
  }

  @Test
  void preflightIsNotCharged() {
    for (int i = 0; i < 10; i++) {
      gateway.send(
          HttpRequest.newBuilder(gateway.uri(PATH))
              .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
              .header("Origin", "https://cueweb.example.com")
              .header("Access-Control-Request-Method", "POST")
              .build());
    }

    assertThat(gateway.post(PATH, "{}").statusCode()).isEqualTo(200);
  }
}
