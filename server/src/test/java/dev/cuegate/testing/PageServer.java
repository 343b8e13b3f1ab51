package dev.cuegate.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One HTML test resource served on an ephemeral port, so that a browser loads it from another
 * origin than the gateway's; every other path answers 404. Registered as an extension, it stops
 * after the class's tests.
 */
public final class PageServer implements AfterAllCallback {
  private final HttpServer server;
  private final String path;
  private final String resource;

  private PageServer(String path, String resource) {
    this.path = path;
    this.resource = resource;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::answer);
    server.start();
  }

  /** Serves the class-path resource {@code resource} at {@code path}. */
  public static PageServer serve(String path, String resource) {
    return new PageServer(path, resource);
  }

  /** The page's origin, {@code http://127.0.0.1:<port>}, for the gateway's CORS_ORIGINS. */
  public String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The page's address, for the browser to open. */
  public String url() {
    return origin() + path;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange; InputStream page = PageServer.class.getResourceAsStream(resource)) {
      if (!exchange.getRequestURI().getPath().equals(path) || page == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = page.readAllBytes();
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
