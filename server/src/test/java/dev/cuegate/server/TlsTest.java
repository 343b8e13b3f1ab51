package dev.cuegate.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.SelfSignedFiles;
import dev.cuegate.testing.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** TLS_CERT_FILE and TLS_KEY_FILE: HTTPS with HTTP/2 by ALPN, and HTTP/1.1 for older clients. */
class TlsTest {
  private static final SelfSignedFiles CERT = generate();

  @RegisterExtension
  static final GatewayExtension gateway =
      new GatewayExtension()
          .env("TLS_CERT_FILE", CERT.cert().toString())
          .env("TLS_KEY_FILE", CERT.key().toString());

  private static SelfSignedFiles generate() {
    try {
      Path dir = Files.createTempDirectory("cuegate-tls");
      dir.toFile().deleteOnExit();
      SelfSignedFiles files = SelfSignedFiles.create(dir, "api");
      files.cert().toFile().deleteOnExit();
      files.key().toFile().deleteOnExit();
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void anHttp2ClientGetsHttp2OverTls() throws Exception {
    HttpResponse<String> response = call(HttpClient.Version.HTTP_2);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(response.body()).contains("shows");
  }

  @Test
  void anHttp11ClientGetsHttp11OverTls() throws Exception {
    HttpResponse<String> response = call(HttpClient.Version.HTTP_1_1);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
  }

  @Test
  void cleartextIsNotServedWhenTlsIsOn() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + gateway.port() + "/config"))
            .timeout(Duration.ofSeconds(10))
            .build();

    assertThat(sendFails(client, request)).isTrue();
  }

  private static boolean sendFails(HttpClient client, HttpRequest request) {
    try {
      client.send(request, HttpResponse.BodyHandlers.ofString());
      return false;
    } catch (IOException e) {
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> call(HttpClient.Version version) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .version(version)
            .sslContext(CERT.trustingContext())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "https://localhost:" + gateway.port() + "/show.ShowInterface/GetActiveShows"))
            .header("Authorization", "Bearer " + Tokens.valid())
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .timeout(Duration.ofSeconds(30))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
