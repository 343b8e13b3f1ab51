package dev.cuegate.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A Server-Sent Events reader for tests: messages are read on a thread of its own, and queued. */
public final class SseClient implements AutoCloseable {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final HttpResponse<InputStream> response;
  private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
  private final Thread reader;

  private SseClient(HttpResponse<InputStream> response) {
    this.response = response;
    this.reader = new Thread(this::read, "sse-test-client");
    reader.setDaemon(true);
    reader.start();
  }

  /** {@code GET uri} with {@code token}, and {@code Last-Event-ID} when not null. */
  public static SseClient open(URI uri, String token, String lastEventId) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    try {
      return new SseClient(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<InputStream> response() {
    return response;
  }

  /** The next message, comment lines included, or a failure after {@code timeout}. */
  public Message next(Duration timeout) throws InterruptedException {
    Message message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (message == null) {
      throw new AssertionError("no server-sent event within " + timeout);
    }
    return message;
  }

  /** The next message that carries data (not a heartbeat or other comment), or the end. */
  public Message nextData(Duration timeout) throws InterruptedException {
    while (true) {
      Message message = next(timeout);
      if (message.data() != null || message.isEnd()) {
        return message;
      }
    }
  }

  private void read() {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String id = null;
      String event = null;
      StringBuilder data = null;
      List<String> comments = new ArrayList<>();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isEmpty()) {
          messages.add(new Message(id, event, data == null ? null : data.toString(), comments));
          id = null;
          event = null;
          data = null;
          comments = new ArrayList<>();
        } else if (line.startsWith(":")) {
          comments.add(line.substring(1).trim());
        } else if (line.startsWith("id: ")) {
          id = line.substring(4);
        } else if (line.startsWith("event: ")) {
          event = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data = data == null ? new StringBuilder() : data.append('\n');
          data.append(line.substring(6));
        }
      }
      messages.add(Message.END);
    } catch (IOException e) {
      messages.add(Message.END);
    }
  }

  @Override
  public void close() throws IOException {
    response.body().close();
  }

  /** One message; {@link #END} when the server closed the stream. */
  public record Message(String id, String event, String data, List<String> comments) {
    public static final Message END = new Message(null, "end of stream", null, List.of());

    public boolean isEnd() {
      return this == END;
    }
  }
}
