package dev.cuegate.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.Server;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * A Flamenco-v2 manager just big enough for the agent's tests, on an ephemeral port: it checks
 * workers' Basic credentials, hands out queued tasks, records every request and lets a test
 * answer any path its own way.
 */
final class FakeManager implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration AWAIT = Duration.ofSeconds(30);

  /** One request as the manager received it. */
  record Request(String method, String path, String authorization, JsonNode body) {
    boolean is(String method, String pathPrefix) {
      return this.method.equals(method) && path.startsWith(pathPrefix);
    }

    String workerId() {
      String decoded = new String(
          Base64.getDecoder().decode(authorization.substring("Basic ".length())),
          StandardCharsets.UTF_8);
      return decoded.substring(0, decoded.indexOf(':'));
    }
  }

  final ConcurrentLinkedDeque<JsonNode> tasks = new ConcurrentLinkedDeque<>();
  /** Worker id → secret, of every worker this manager accepts. */
  final Map<String, String> workers = new ConcurrentHashMap<>();
  volatile boolean mayKeepRunning = true;
  private final Map<String, Function<Request, Optional<HttpResponse>>> overrides =
      new ConcurrentHashMap<>();
  private final List<Request> requests = new ArrayList<>();
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final Server server;

  FakeManager() {
    this(0);
  }

  FakeManager(int port) {
    server = Server.builder()
        .http(port)
        .gracefulShutdownTimeout(Duration.ZERO, Duration.ZERO)
        .serviceUnder("/", (ctx, req) -> HttpResponse.of(req.aggregate().thenApply(this::answer)))
        .build();
    server.start().join();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.activeLocalPort());
  }

  int port() {
    return server.activeLocalPort();
  }

  /** Answers requests starting with "METHOD /path" by {@code answer}, unless it gives none. */
  void on(String methodAndPathPrefix, Function<Request, Optional<HttpResponse>> answer) {
    overrides.put(methodAndPathPrefix, answer);
  }

  List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  List<Request> requests(String method, String pathPrefix) {
    return requests().stream().filter(request -> request.is(method, pathPrefix)).toList();
  }

  /** Waits until the manager has received a request after the first {@code skip} that matches. */
  Request await(int skip, Predicate<Request> condition) {
    return Awaitility.await().atMost(AWAIT).pollInterval(Duration.ofMillis(10))
        .until(() -> first(skip, condition), Optional::isPresent)
        .orElseThrow();
  }

  private Optional<Request> first(int skip, Predicate<Request> condition) {
    List<Request> received = requests();
    return received.subList(Math.min(skip, received.size()), received.size()).stream()
        .filter(condition)
        .findFirst();
  }

  Request await(Predicate<Request> condition) {
    return await(0, condition);
  }

  Request await(String method, String pathPrefix) {
    return await(0, request -> request.is(method, pathPrefix));
  }

  /** The lines of every update's log for {@code taskId}, in the order they arrived. */
  String log(String taskId) {
    StringBuilder log = new StringBuilder();
    for (Request update : requests("POST", "/tasks/" + taskId + "/update")) {
      if (update.body().has("log")) {
        log.append(update.body().get("log").asText()).append('\n');
      }
    }
    return log.toString();
  }

  private HttpResponse answer(AggregatedHttpRequest aggregated) {
    Request request = new Request(
        aggregated.method().name(),
        aggregated.path(),
        Optional.ofNullable(aggregated.headers().get("authorization")).orElse(""),
        parse(aggregated.contentUtf8()));
    synchronized (requests) {
      requests.add(request);
    }
    for (Map.Entry<String, Function<Request, Optional<HttpResponse>>> override
        : overrides.entrySet()) {
      if ((request.method() + " " + request.path()).startsWith(override.getKey())) {
        Optional<HttpResponse> response = override.getValue().apply(request);
        if (response.isPresent()) {
          return response.get();
        }
      }
    }
    if (request.is("POST", "/register-worker")) {
      String id = String.format("%024x", nextId.getAndIncrement());
      workers.put(id, request.body().path("secret").asText());
      return json(HttpStatus.OK, "{\"_id\":\"" + id + "\",\"nickname\":\""
          + request.body().path("nickname").asText() + "\",\"status\":\"\"}");
    }
    if (!authenticated(request.authorization())) {
      return HttpResponse.of(HttpStatus.UNAUTHORIZED);
    }
    if (request.is("POST", "/task")) {
      JsonNode task = tasks.poll();
      return task == null ? HttpResponse.of(HttpStatus.NO_CONTENT)
          : json(HttpStatus.OK, task.toString());
    }
    if (request.is("GET", "/may-i-run/")) {
      return json(HttpStatus.OK, "{\"may_keep_running\":" + mayKeepRunning + "}");
    }
    if (request.is("POST", "/sign-on") || request.is("POST", "/sign-off")
        || request.is("POST", "/tasks/") || request.is("GET", "/status-change")
        || request.is("POST", "/ack-status-change/")) {
      return HttpResponse.of(HttpStatus.NO_CONTENT);
    }
    return HttpResponse.of(HttpStatus.NOT_FOUND);
  }

  private boolean authenticated(String authorization) {
    if (!authorization.startsWith("Basic ")) {
      return false;
    }
    String decoded = new String(
        Base64.getDecoder().decode(authorization.substring("Basic ".length())),
        StandardCharsets.UTF_8);
    int colon = decoded.indexOf(':');
    return colon > 0
        && decoded.substring(colon + 1).equals(workers.get(decoded.substring(0, colon)));
  }

  static HttpResponse json(HttpStatus status, String body) {
    return HttpResponse.of(status, MediaType.JSON_UTF_8, body);
  }

  private static JsonNode parse(String body) {
    if (body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("the agent sent bad JSON: " + body, e);
    }
  }

  /** Stops the server and waits until its port is free, as a manager that is restarted. */
  void stopAndWait() {
    server.stop().join();
  }

  /** Stops the server without waiting: Netty's event loops take seconds to wind down. */
  @Override
  public void close() {
    server.stop();
  }
}
