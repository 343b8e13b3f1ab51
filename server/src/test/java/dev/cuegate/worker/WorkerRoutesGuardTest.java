package dev.cuegate.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import dev.cuegate.config.GatewayConfig;
import dev.cuegate.farm.EmbeddedFarm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's guard wraps the routes people call and no route of the workers, which prove who
 * they are with HTTP Basic.
 */
class WorkerRoutesGuardTest {
  private static final String PERSON = "X-Test-Person";

  @TempDir Path dir;
  private final List<String> guarded = new ArrayList<>();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private EmbeddedFarm farm;
  private WorkerProtocol protocol;
  private Server server;

  @BeforeEach
  void start() {
    farm = EmbeddedFarm.open("jdbc:sqlite:" + dir.resolve("farm.db"), Clock.systemUTC(),
        WorkerProtocol.hosts());
    protocol = WorkerProtocol.create(farm,
        new GatewayConfig.Workers(Optional.empty(), Map.of(), 1000, Optional.empty(), Map.of()),
        dir, Clock.systemUTC());
    ServerBuilder sb = Server.builder().http(0);
    protocol.mountOn(sb, guard());
    server = sb.build();
    server.start().join();
  }

  @AfterEach
  void stop() {
    server.stop().join();
    protocol.close();
    farm.close();
  }

  /** Lets a request through only with the test's person header, and records what it saw. */
  private Function<HttpService, HttpService> guard() {
    return service -> (ctx, req) -> {
      guarded.add(req.path());
      return req.headers().contains(PERSON) ? service.serve(ctx, req)
          : HttpResponse.of(HttpStatus.FORBIDDEN);
    };
  }

  @Test
  void theRoutesPeopleCallAreGuarded() throws Exception {
    int withoutPerson = send(get("/api/workers")).statusCode();
    int withPerson = send(get("/api/workers").header(PERSON, "yes")).statusCode();
    int request = send(post("/api/workers/0123456789abcdef01234567/status-request",
        "{\"status\":\"asleep\"}")).statusCode();
    int log = send(get("/logfile/0123456789abcdef01234567/0123456789abcdef01234567"))
        .statusCode();

    assertThat(withoutPerson).isEqualTo(403);
    assertThat(withPerson).isEqualTo(200);
    assertThat(request).isEqualTo(403);
    assertThat(log).isEqualTo(403);
  }

  @Test
  void workerRoutesCheckBasicCredentialsAndNotTheGuard() throws Exception {
    var registered = send(post("/register-worker",
        "{\"secret\":\"s3cret-s3cret\",\"platform\":\"linux\",\"nickname\":\"w1\","
            + "\"supported_task_types\":[\"render\"]}"));
    String id = TestWorker.JSON.readTree(registered.body()).get("_id").asText();
    String basic = "Basic " + Base64.getEncoder()
        .encodeToString((id + ":s3cret-s3cret").getBytes(StandardCharsets.UTF_8));

    var signedOn = send(post("/sign-on", "{}").header("Authorization", basic));
    var anonymous = send(post("/sign-on", "{}").header(PERSON, "yes"));

    assertThat(registered.statusCode()).isEqualTo(200);
    assertThat(signedOn.statusCode()).isEqualTo(204);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue(
        "Basic realm=\"cuegate\"");
    assertThat(guarded).isEmpty();
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(uri(path)).GET();
  }

  private HttpRequest.Builder post(String path, String body) {
    return HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.activeLocalPort() + path);
  }

  private java.net.http.HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
  }
}
