package dev.cuegate.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * The manager's worker endpoints as plain calls: one request each, no retries (the agent decides
 * what a failure means). Every request but registration carries the worker's Basic credentials.
 */
final class ManagerClient {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String USER_AGENT = "CueGate-Worker/2";

  /** CueGate's warning to a worker about itself, e.g. task types none of its work comes in. */
  static final String WARNING_HEADER = "x-cuegate-warning";

  /**
   * An answer from the manager: its status, its JSON body (missing when it had none) and the
   * manager's warning, if it sent one.
   */
  record Reply(int status, JsonNode body, Optional<String> warning) {
    boolean isSuccess() {
      return status / 100 == 2;
    }
  }

  private final URI base;
  private final HttpClient http;
  private final AgentTimings timings;
  private volatile Credentials credentials;

  ManagerClient(AgentSettings settings, HttpClient http) {
    this.base = settings.manager();
    this.http = http;
    this.timings = settings.timings();
  }

  void use(Credentials current) {
    this.credentials = current;
  }

  Credentials credentials() {
    return credentials;
  }

  Reply register(JsonNode registration, Optional<String> bearer)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = builder("register-worker")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(registration.toString()));
    bearer.ifPresent(token -> request.header("Authorization", "Bearer " + token));
    return send(request.build());
  }

  Reply post(String path, JsonNode body) throws IOException, InterruptedException {
    return send(authenticated(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build());
  }

  Reply post(String path) throws IOException, InterruptedException {
    return send(authenticated(path).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  Reply get(String path) throws IOException, InterruptedException {
    return send(authenticated(path).GET().build());
  }

  private HttpRequest.Builder authenticated(String path) {
    return builder(path).header("Authorization", credentials.basicAuthorization());
  }

  private HttpRequest.Builder builder(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(timings.requestTimeout())
        .header("User-Agent", USER_AGENT);
  }

  private Reply send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), parse(response.body()),
        response.headers().firstValue(WARNING_HEADER));
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return MissingNode.getInstance();
    }
  }
}
