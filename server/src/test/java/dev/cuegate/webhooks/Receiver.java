package dev.cuegate.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook receiver on a local port: records every request and answers a chosen status. */
public final class Receiver implements AutoCloseable {
  /** One request as received. */
  public record Received(String path, String eventId, String timestamp, String signature, String body) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(204);

  private Receiver(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/", exchange -> {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      received.add(new Received(exchange.getRequestURI().getPath(),
          exchange.getRequestHeaders().getFirst("X-CueGate-Event-Id"),
          exchange.getRequestHeaders().getFirst("X-CueGate-Timestamp"),
          exchange.getRequestHeaders().getFirst("X-CueGate-Signature"), body));
      exchange.sendResponseHeaders(status.get(), -1);
      exchange.close();
    });
    server.start();
  }

  /** On an ephemeral port. */
  public static Receiver start() throws IOException {
    return new Receiver(0);
  }

  /** On an ephemeral port, for a static field's initializer: an I/O failure is unchecked. */
  public static Receiver startUnchecked() {
    try {
      return start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new temporary file holding {@code json}, for the gateway's WEBHOOKS_FILE. */
  public static Path webhooksFile(String json) {
    try {
      return Files.writeString(Files.createTempFile("webhooks", ".json"), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** On {@code port}, as a receiver coming back after being down. */
  public static Receiver startOn(int port) throws IOException {
    return new Receiver(port);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  public void answer(int code) {
    status.set(code);
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public List<String> eventIds(String path) {
    return received.stream().filter(r -> r.path().equals(path)).map(Received::eventId).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
