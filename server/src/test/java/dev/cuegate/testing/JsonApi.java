package dev.cuegate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** CueGate's JSON API as a test calls it: a valid token, JSON in and out, errors as failures. */
public final class JsonApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  /** The API of the CueGate at {@code base}, e.g. {@code http://127.0.0.1:8448}. */
  public JsonApi(URI base) {
    this.base = base;
  }

  /** {@code POST path} with {@code body}; the answer, whatever its status. */
  public HttpResponse<String> send(String path, Object body) {
    String json;
    try {
      json = body instanceof String text ? text : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + Tokens.valid())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
    return TestHttp.send(client, request);
  }

  /** A JSON body as a tree. */
  public static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code POST path} with {@code body}; the JSON answer, or a failure naming the status. */
  public JsonNode call(String path, Object body) {
    return ok(send(path, body));
  }

  /** The JSON of {@code response}, or a failure naming the request, the status and the body. */
  public static JsonNode ok(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new AssertionError(response.request().uri().getPath() + " answered "
          + response.statusCode() + ": " + response.body());
    }
    return parse(response.body());
  }
}
