package dev.cuegate.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.testing.GatewayExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Without TLS the port speaks cleartext HTTP/1.1 and h2c. */
class CleartextTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @Test
  void anHttp2ClientIsUpgradedToH2c() throws Exception {
    assertThat(call(HttpClient.Version.HTTP_2).version()).isEqualTo(HttpClient.Version.HTTP_2);
  }

  @Test
  void anHttp11ClientGetsHttp11() throws Exception {
    assertThat(call(HttpClient.Version.HTTP_1_1).version())
        .isEqualTo(HttpClient.Version.HTTP_1_1);
  }

  private static HttpResponse<String> call(HttpClient.Version version) throws Exception {
    HttpClient client =
        HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request =
        gateway
            .request("/show.ShowInterface/GetActiveShows")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response;
  }
}
