package dev.cuegate.rest;

import static dev.cuegate.rest.RestGatewayTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.testing.GatewayExtension;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** MAX_REQUEST_BYTES for every kind of body, and MAX_HEADER_BYTES. */
class TrafficLimitsTest {
  @RegisterExtension
  static final GatewayExtension gateway =
      new GatewayExtension().env("MAX_REQUEST_BYTES", "1KiB").env("MAX_HEADER_BYTES", "2KiB");

  private static final String BIG = "{\"name\":\"" + "x".repeat(4096) + "\"}";

  @Test
  void aChunkedBodyOverTheLimitIs413WithTheJsonBody() {
    HttpResponse<String> response = chunked("/show.ShowInterface/FindShow", BIG);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(json(response).get("code").asInt()).isEqualTo(3);
    assertThat(gateway.cuebot().callCount("show.ShowInterface/FindShow")).isZero();
  }

  @Test
  void aBodyOverTheLimitForAMutatingMethodIs413WithTheJsonBody() {
    HttpResponse<String> sized = gateway.post("/show.ShowInterface/CreateShow", BIG);
    HttpResponse<String> streamed = chunked("/show.ShowInterface/CreateShow", BIG);

    assertThat(sized.statusCode()).isEqualTo(413);
    assertThat(json(sized).get("code").asInt()).isEqualTo(3);
    assertThat(streamed.statusCode()).isEqualTo(413);
    assertThat(json(streamed).get("code").asInt()).isEqualTo(3);
    assertThat(gateway.cuebot().callCount("show.ShowInterface/CreateShow")).isZero();
  }

  @Test
  void aChunkedBodyUnderTheLimitPasses() {
    assertThat(chunked("/show.ShowInterface/FindShow", "{\"name\":\"testing\"}").statusCode())
        .isEqualTo(200);
  }

  /**
   * Each on a connection of its own: a server may close the connection after refusing headers
   * (on HTTP/2 their compression state is lost), which must not disturb the other tests.
   */
  @ParameterizedTest
  @EnumSource(HttpClient.Version.class)
  void headersOverTheLimitAre431WithTheJsonBody(HttpClient.Version version) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(version).build();
    HttpRequest request =
        gateway
            .request("/show.ShowInterface/GetActiveShows")
            .header("X-Padding", "p".repeat(4096))
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();

    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(431);
    assertThat(json(response).get("code").asInt()).isEqualTo(3);
    assertThat(gateway.cuebot().callCount("show.ShowInterface/GetActiveShows")).isZero();
  }

  @Test
  void headersUnderTheLimitPass() {
    HttpResponse<String> response =
        gateway.send(
            gateway
                .request("/show.ShowInterface/GetActiveShows")
                .header("X-Padding", "p".repeat(512))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  /** A body without Content-Length: the client streams it in chunks. */
  private static HttpResponse<String> chunked(String path, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return gateway.send(
        gateway
            .request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
            .build());
  }
}
