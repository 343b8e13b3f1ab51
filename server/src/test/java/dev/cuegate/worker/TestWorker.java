package dev.cuegate.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuegate.testing.GatewayExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/** A worker as Flamenco's Python worker talks to CueGate: registered, with Basic credentials. */
public final class TestWorker {
  static final ObjectMapper JSON = new ObjectMapper();

  private final GatewayExtension gateway;
  final String id;
  final String nickname;
  final String secret;

  private TestWorker(GatewayExtension gateway, String id, String nickname, String secret) {
    this.gateway = gateway;
    this.id = id;
    this.nickname = nickname;
    this.secret = secret;
  }

  /** Registers a worker supporting {@code taskTypes}; fails the test unless it answers 200. */
  public static TestWorker register(GatewayExtension gateway, String nickname, String... taskTypes) {
    return registerOn(gateway, "linux", nickname, taskTypes);
  }

  /**
   * Registers a worker that declares {@code cores} and {@code memoryMb}, as CueGate's agent
   * does; fails the test unless it answers 200.
   */
  public static TestWorker registerWith(GatewayExtension gateway, String nickname, int cores,
      long memoryMb, String... taskTypes) {
    return registered(gateway, registration("linux", nickname, taskTypes)
        .put("cores", cores)
        .put("memory_mb", memoryMb));
  }

  /** Registers a worker of {@code platform}; fails the test unless it answers 200. */
  static TestWorker registerOn(GatewayExtension gateway, String platform, String nickname,
      String... taskTypes) {
    return registered(gateway, registration(platform, nickname, taskTypes));
  }

  private static ObjectNode registration(String platform, String nickname, String... taskTypes) {
    ObjectNode doc = JSON.createObjectNode()
        .put("secret", "secret-of-" + nickname)
        .put("platform", platform)
        .put("nickname", nickname);
    List.of(taskTypes).forEach(doc.putArray("supported_task_types")::add);
    return doc;
  }

  private static TestWorker registered(GatewayExtension gateway, ObjectNode registration) {
    HttpResponse<String> response = send(gateway, HttpRequest.newBuilder(
            gateway.uri("/register-worker"))
        .POST(HttpRequest.BodyPublishers.ofString(registration.toString())));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new TestWorker(gateway, parse(response.body()).get("_id").asText(),
        registration.get("nickname").asText(), registration.get("secret").asText());
  }

  /** The same worker talking to another gateway. */
  TestWorker via(GatewayExtension other) {
    return new TestWorker(other, id, nickname, secret);
  }

  /** The same worker id with another secret. */
  TestWorker withSecret(String otherSecret) {
    return new TestWorker(gateway, id, nickname, otherSecret);
  }

  public HttpResponse<String> post(String path, String json) {
    return send(gateway, authorized(path).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> get(String path) {
    return send(gateway, authorized(path).GET());
  }

  public HttpResponse<String> signOn() {
    return post("/sign-on", "{}");
  }

  public HttpResponse<String> fetch() {
    return post("/task", "");
  }

  /** Fetches a task that must be there; its document. */
  public JsonNode take() {
    HttpResponse<String> response = fetch();
    assertThat(response.statusCode()).as(nickname + ": " + response.body()).isEqualTo(200);
    return parse(response.body());
  }

  public HttpResponse<String> update(String taskId, String json) {
    return post("/tasks/" + taskId + "/update", json);
  }

  /** Reports the task's final status, which must be accepted. */
  public void finish(String taskId, String status) {
    assertThat(update(taskId, "{\"task_status\":\"" + status + "\"}").statusCode())
        .isEqualTo(204);
  }

  public HttpResponse<String> mayRun(String taskId) {
    return get("/may-i-run/" + taskId);
  }

  private HttpRequest.Builder authorized(String path) {
    String credentials = Base64.getEncoder()
        .encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(gateway.uri(path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + credentials)
        .header("User-Agent", "flamenco-worker/2.2");
  }

  static HttpResponse<String> send(GatewayExtension gateway, HttpRequest.Builder request) {
    return gateway.send(request.timeout(Duration.ofSeconds(30)).build());
  }

  static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + body, e);
    }
  }
}
