package dev.cuegate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Reads a CueGate's {@code GET /events} stream: one call of the handler per event, in order,
 * resuming with {@code Last-Event-ID} when the connection drops (as a browser does).
 */
final class EventStreamReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A server that closed the stream is asked again after this pause. */
  private static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);

  /** What a handler tells the reader after each event. */
  enum Next { CONTINUE, STOP }

  /** Called once the stream is open, before any event, and for each event. */
  interface Handler {
    void opened() throws IOException, InterruptedException;

    Next event(JsonNode event) throws IOException, InterruptedException;

    /** A gap the server could not fill: events were lost. */
    void gap(JsonNode gap);
  }

  /** The stream could not be opened: an HTTP error with the server's message. */
  static final class StreamRefused extends Exception {
    final int status;

    StreamRefused(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  private final URI uri;
  private final String token;
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  EventStreamReader(URI base, Map<String, String> filters, String token) {
    Map<String, String> given = new LinkedHashMap<>(filters);
    given.values().removeIf(value -> value == null || value.isBlank());
    String query = given.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    this.uri = URI.create(base.toString().replaceAll("/+$", "") + "/events"
        + (query.isEmpty() ? "" : "?" + query));
    this.token = token;
  }

  /** Reads until the handler says stop; reconnects when the server ends the stream. */
  void read(Handler handler) throws IOException, InterruptedException, StreamRefused {
    read(handler, () -> false);
  }

  /** As {@link #read(Handler)}; also stops once {@code done} holds after the stream opened. */
  void read(Handler handler, BooleanSupplier done)
      throws IOException, InterruptedException, StreamRefused {
    String lastId = null;
    boolean first = true;
    while (true) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri)
          .header("Authorization", "Bearer " + token)
          .header("Accept", "text/event-stream");
      if (lastId != null) {
        request.header("Last-Event-ID", lastId);
      }
      HttpResponse<InputStream> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        String body;
        try (InputStream in = response.body()) {
          body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode error = parse(body);
        throw new StreamRefused(response.statusCode(), error.path("message").asText(body));
      }
      if (first) {
        handler.opened();
        first = false;
        if (done.getAsBoolean()) {
          response.body().close();
          return;
        }
      }
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        String id = null;
        String type = null;
        StringBuilder data = new StringBuilder();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.startsWith("id: ")) {
            id = line.substring(4);
          } else if (line.startsWith("event: ")) {
            type = line.substring(7);
          } else if (line.startsWith("data: ")) {
            data.append(line.substring(6));
          } else if (line.isEmpty() && data.length() > 0) {
            JsonNode node = parse(data.toString());
            if ("gap".equals(type)) {
              handler.gap(node);
            } else {
              lastId = id;
              if (handler.event(node) == Next.STOP) {
                return;
              }
            }
            id = null;
            type = null;
            data.setLength(0);
          }
        }
      }
      Thread.sleep(RECONNECT_DELAY.toMillis());
    }
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
