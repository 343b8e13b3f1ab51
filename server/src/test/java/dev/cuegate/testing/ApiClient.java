package dev.cuegate.testing;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;

/** Calls a CueGate's API with a valid user token, wherever that CueGate runs. */
public final class ApiClient {
  private final Function<String, URI> address;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A client of the CueGate that {@code address} turns paths into URLs of. */
  public ApiClient(Function<String, URI> address) {
    this.address = address;
  }

  /** {@code POST path} with a JSON body; a network failure is an {@link UncheckedIOException}. */
  public HttpResponse<String> post(String path, String json) {
    return send(request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(address.apply(path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + Tokens.valid());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    return TestHttp.send(client, request.build());
  }
}
