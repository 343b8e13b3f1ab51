package dev.cuegate.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuegate.testing.GatewayExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** gzip both ways: answers for clients that accept it, and request bodies that use it. */
class CompressionTest {
  @RegisterExtension
  static final GatewayExtension gateway = new GatewayExtension().env("MAX_REQUEST_BYTES", "16MiB");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Test
  void aLargeAnswerIsGzippedForAClientThatAcceptsIt() throws IOException {
    gateway.cuebot().addGeneratedJobs(50);

    HttpResponse<byte[]> response = getJobs("gzip");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-encoding")).contains("gzip");
    byte[] json = gunzip(response.body());
    assertThat(json.length).isGreaterThan(response.body().length);
    assertThat(JSON.readTree(json).get("jobs").get("jobs").size()).isGreaterThanOrEqualTo(50);
  }

  @Test
  void anAnswerIsPlainForAClientThatDoesNotAcceptGzip() throws IOException {
    gateway.cuebot().addGeneratedJobs(50);

    HttpResponse<byte[]> response = getJobs(null);

    assertThat(response.headers().firstValue("content-encoding")).isEmpty();
    assertThat(JSON.readTree(response.body()).get("jobs").get("jobs").size())
        .isGreaterThanOrEqualTo(50);
  }

  @Test
  void aSmallAnswerIsNotWorthCompressing() {
    HttpResponse<byte[]> response =
        send(
            gateway
                .request("/show.ShowInterface/FindShow")
                .header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"nope\"}"))
                .build());

    assertThat(response.body().length).isLessThan(1024);
    assertThat(response.headers().firstValue("content-encoding")).isEmpty();
  }

  @Test
  void aGzippedRequestBodyIsAccepted() throws IOException {
    byte[] body = gzip("{\"name\":\"testing\"}".getBytes(StandardCharsets.UTF_8));

    HttpResponse<byte[]> response =
        send(
            gateway
                .request("/show.ShowInterface/FindShow")
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode show = JSON.readTree(response.body()).get("show");
    assertThat(show.get("name").asText()).isEqualTo("testing");
  }

  @Test
  void aGzippedBodyThatInflatesBeyondTheLimitIs413() throws IOException {
    byte[] inflated = new byte[17 * 1024 * 1024];
    Arrays.fill(inflated, (byte) ' ');
    byte[] bomb = gzip(inflated);

    HttpResponse<byte[]> response =
        send(
            gateway
                .request("/show.ShowInterface/FindShow")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bomb))
                .build());

    assertThat(bomb.length).isLessThan(1024 * 1024);
    assertThat(response.statusCode()).isEqualTo(413);
  }

  private static HttpResponse<byte[]> getJobs(String acceptEncoding) {
    HttpRequest.Builder request =
        gateway
            .request("/job.JobInterface/GetJobs")
            .POST(HttpRequest.BodyPublishers.ofString("{\"r\":{\"includeFinished\":true}}"));
    if (acceptEncoding != null) {
      request.header("Accept-Encoding", acceptEncoding);
    }
    return send(request.build());
  }

  private static HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(plain);
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] compressed) throws IOException {
    try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return zip.readAllBytes();
    }
  }
}
