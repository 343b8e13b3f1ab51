package dev.cuegate.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.config.EnvConfigLoader;
import dev.cuegate.proto.show.Show;
import dev.cuegate.proto.show.ShowGetActiveShowsRequest;
import dev.cuegate.proto.show.ShowGetActiveShowsResponse;
import dev.cuegate.proto.show.ShowInterfaceGrpc;
import dev.cuegate.proto.show.ShowSeq;
import dev.cuegate.server.CueGate;
import dev.cuegate.testing.SelfSignedFiles;
import dev.cuegate.testing.Tokens;
import io.grpc.Grpc;
import io.grpc.Server;
import io.grpc.TlsServerCredentials;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CUEBOT_TLS and CUEBOT_CA_FILE: the channel to a Cuebot that only speaks TLS. */
class CuebotTlsTest {
  @TempDir Path dir;
  private SelfSignedFiles cert;
  private Server cuebot;

  @BeforeEach
  void startTlsCuebot() throws IOException {
    cert = SelfSignedFiles.create(dir, "cuebot");
    TlsServerCredentials.Builder tls = TlsServerCredentials.newBuilder();
    tls.keyManager(cert.cert().toFile(), cert.key().toFile());
    cuebot =
        Grpc.newServerBuilderForPort(0, tls.build())
            .addService(new OneShow())
            .build()
            .start();
  }

  @AfterEach
  void stopCuebot() {
    cuebot.shutdownNow();
  }

  @Test
  void aCuebotBehindTlsIsReachedWithItsCaFile() throws Exception {
    Map<String, String> env = env();
    env.put("CUEBOT_TLS", "true");
    env.put("CUEBOT_CA_FILE", cert.cert().toString());

    HttpResponse<String> response = getActiveShows(env);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"name\":\"tls-show\"");
  }

  @Test
  void aCertificateOutsideTheTrustStoreIsRefused() throws Exception {
    Map<String, String> env = env();
    env.put("CUEBOT_TLS", "true");

    assertThat(getActiveShows(env).statusCode()).isEqualTo(503);
  }

  @Test
  void plaintextDoesNotReachATlsCuebot() throws Exception {
    assertThat(getActiveShows(env()).statusCode()).isEqualTo(503);
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("CUEBOT_ENDPOINT", "localhost:" + cuebot.getPort());
    env.put("REST_PORT", "0");
    env.put("JWT_SECRET", Tokens.SECRET);
    env.put("GRPC_TIMEOUT", "5s");
    env.put("LOG_DIR", dir.resolve("logs").toString());
    env.put("DATA_DIR", dir.resolve("data").toString());
    env.put("SHUTDOWN_TIMEOUT", "0s");
    return env;
  }

  private static HttpResponse<String> getActiveShows(Map<String, String> env) throws Exception {
    try (CueGate gate = CueGate.start(EnvConfigLoader.load(env).config())) {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      "http://127.0.0.1:" + gate.apiPort() + "/show.ShowInterface/GetActiveShows"))
              .header("Authorization", "Bearer " + Tokens.valid())
              .POST(HttpRequest.BodyPublishers.ofString("{}"))
              .timeout(Duration.ofSeconds(30))
              .build();
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  private static final class OneShow extends ShowInterfaceGrpc.ShowInterfaceImplBase {
    @Override
    public void getActiveShows(
        ShowGetActiveShowsRequest request, StreamObserver<ShowGetActiveShowsResponse> response) {
      response.onNext(
          ShowGetActiveShowsResponse.newBuilder()
              .setShows(ShowSeq.newBuilder().addShows(Show.newBuilder().setName("tls-show")))
              .build());
      response.onCompleted();
    }
  }
}
