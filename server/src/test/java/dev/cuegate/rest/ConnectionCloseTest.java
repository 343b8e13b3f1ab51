package dev.cuegate.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.RawHttp;
import dev.cuegate.testing.Tokens;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An answer that says {@code Connection: close} closes its socket as soon as it is written. */
class ConnectionCloseTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static final Duration PROMPTLY = Duration.ofMillis(500);

  @Test
  void anAnswerToAClientThatAskedForCloseClosesTheSocketAtOnce() throws IOException {
    Duration closedAfter = closedAfterAnswer(getShows("Connection: close\r\n", 2), 200);

    assertThat(closedAfter).isLessThan(PROMPTLY);
  }

  @Test
  void aBodyOverTheLimitIsAnsweredAndTheSocketClosesAtOnce() throws IOException {
    Duration closedAfter = closedAfterAnswer(getShows("", 999_999_999), 413);

    assertThat(closedAfter).isLessThan(PROMPTLY);
  }

  /** A GetShows request with {@code extraHeaders} that claims a body of {@code length} bytes. */
  private static String getShows(String extraHeaders, long length) {
    return "POST /show.ShowInterface/GetShows HTTP/1.1\r\nHost: cuegate\r\n"
        + "Authorization: Bearer " + Tokens.valid() + "\r\n" + extraHeaders
        + "Content-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n{}";
  }

  private static Duration closedAfterAnswer(String request, int status) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
      socket.setSoTimeout(10_000);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      RawHttp.send(socket, request.getBytes(StandardCharsets.US_ASCII));
      RawHttp.Response response = RawHttp.read(in);
      Instant answered = Instant.now();
      assertThat(response.status()).isEqualTo(status);
      assertThat(response.closesConnection()).isTrue();
      assertThat(in.read()).as("nothing after the answer").isEqualTo(-1);
      return Duration.between(answered, Instant.now());
    }
  }
}
