package dev.cuegate.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.LogCapture;
import dev.cuegate.testing.Tokens;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;

/**
 * Tokens, secrets and request bodies never reach the logs at info level (the audit line's ids and
 * names are the one deliberate exception).
 */
class SecretsHygieneTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @Test
  void neitherTheTokenNorTheBodyNorTheSecretIsLogged() {
    String token = Tokens.valid();
    String marker = "body-marker-6f1c";
    List<String> lines;
    try (LogCapture all = LogCapture.info(Logger.ROOT_LOGGER_NAME)) {
      gateway.send(
          HttpRequest.newBuilder(gateway.uri("/show.ShowInterface/CreateShow"))
              .header("Authorization", "Bearer " + token)
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"name\":\"show-x\",\"password\":\"" + marker + "\"}"))
              .build());
      gateway.send(
          HttpRequest.newBuilder(gateway.uri("/show.ShowInterface/GetActiveShows"))
              .header("Authorization", "Bearer " + token + "x")
              .POST(HttpRequest.BodyPublishers.ofString("{\"secret\":\"" + marker + "\"}"))
              .build());
      assertThat(all.next(Duration.ofSeconds(10))).isNotNull();
      lines = all.drain();
    }

    assertThat(String.join("\n", lines))
        .doesNotContain(token)
        .doesNotContain(token.substring(token.lastIndexOf('.') + 1))
        .doesNotContain(Tokens.SECRET)
        .doesNotContain(marker);
  }
}
