package dev.cuegate.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.LogCapture;
import dev.cuegate.testing.Tokens;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A request whose client goes away before the answer is logged and counted as 499. */
class AbandonedRequestTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static final String GET_SHOWS = "show.ShowInterface/GetShows";
  private static final String SERIES =
      "cuegate_requests_total{method=\"GetShows\",service=\"show.ShowInterface\",status=\"499\"}";

  @Test
  void aRequestTheClientAbandonsIsLoggedAndCountedAs499() throws IOException {
    double before = value(SERIES);
    gateway.cuebot().delayNext(GET_SHOWS, Duration.ofSeconds(3));
    try (LogCapture access = LogCapture.info("cuegate.access")) {
      try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
        OutputStream out = socket.getOutputStream();
        out.write(("POST /" + GET_SHOWS + " HTTP/1.1\r\nHost: cuegate\r\n"
            + "Authorization: Bearer " + Tokens.valid() + "\r\n"
            + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        awaitCalled();
      }

      String line = awaitLine(access, "/" + GET_SHOWS);
      assertThat(line).contains(" 499 ");
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> value(SERIES), v -> v == before + 1);
  }

  /** Polls until the fake Cuebot received the call, so the client leaves while it runs. */
  private static void awaitCalled() {
    await().atMost(Duration.ofSeconds(10)).until(() -> gateway.cuebot().callCount(GET_SHOWS) > 0);
  }

  private static String awaitLine(LogCapture access, String path) {
    List<String> seen = new ArrayList<>();
    Instant deadline = Instant.now().plusSeconds(10);
    while (Instant.now().isBefore(deadline)) {
      String line = access.next(Duration.ofMillis(200));
      if (line != null && line.contains(path)) {
        return line;
      }
      if (line != null) {
        seen.add(line);
      }
    }
    throw new AssertionError("no access log line for " + path + "; saw " + seen);
  }

  private static double value(String series) {
    Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$")
        .matcher(gateway.admin("/metrics").body());
    return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
  }
}
