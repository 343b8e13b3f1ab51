package dev.cuegate.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.HeadlessChromium;
import dev.cuegate.testing.JsonApi;
import dev.cuegate.testing.Repository;
import dev.cuegate.testing.Tokens;
import dev.cuegate.webhooks.Receiver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Against the embedded farm, a job's whole life reaches a real browser (headless Chromium running
 * the {@code EventSource} page of docs/EVENTS.md, served behind a small proxy that adds the token,
 * as the page expects) and a webhook receiver: exactly the expected events, in order, on both.
 */
class EventsBrowserAndWebhookTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Pattern HTML_BLOCK = Pattern.compile("(?s)```html\\n(.*?)```");
  private static final Receiver receiver = Receiver.startUnchecked();
  private static final Path file = webhooksFile();

  @RegisterExtension
  static final GatewayExtension gateway =
      new GatewayExtension().embedded().env("WEBHOOKS_FILE", file.toString());

  @TempDir Path profile;

  @AfterAll
  static void stopReceiver() throws IOException {
    receiver.close();
    Files.deleteIfExists(file);
  }

  @Test
  void aJobsWholeLifeReachesTheBrowserAndTheWebhookExactlyAndInOrder() throws Exception {
    JobLife life = new JobLife(gateway, "browser");
    ExecutorService handlers = Executors.newCachedThreadPool();
    HttpServer proxy = proxy(handlers);
    ChromeDriver browser = HeadlessChromium.start(profile);
    try {
      browser.get("http://127.0.0.1:" + proxy.getAddress().getPort() + "/");
      // The webhooks' subscription and the page's.
      await("the page's EventSource connected").atMost(WAIT)
          .until(() -> gateway.gate().events().subscriberCount() >= 2);

      life.run();
      int count = life.expected().size();
      await("every event at the receiver").atMost(WAIT)
          .until(() -> receiver.received().size() >= count);
      await("every event in the page").atMost(WAIT)
          .until(() -> browser.findElements(By.cssSelector("#log li")).size() >= count);

      List<JsonNode> delivered = receiver.received().stream()
          .map(request -> JsonApi.parse(request.body())).toList();
      assertThat(delivered).extracting(JobLife::summary)
          .containsExactlyElementsOf(life.expected());
      JobLife.assertConsecutive(delivered);
      assertThat(receiver.received()).allSatisfy(request -> assertThat(request.eventId())
          .isEqualTo(JsonApi.parse(request.body()).get("id").asText()));
      List<String> shown = new ArrayList<>(browser.findElements(By.cssSelector("#log li"))
          .stream().map(WebElement::getText).toList());
      // The page puts the newest event first.
      Collections.reverse(shown);
      assertThat(shown).containsExactlyElementsOf(
          delivered.stream().map(EventsBrowserAndWebhookTest::asThePageShowsIt).toList());
    } finally {
      browser.quit();
      proxy.stop(0);
      handlers.shutdownNow();
    }
  }

  /** What the page's script writes for {@code event}. */
  private static String asThePageShowsIt(JsonNode event) {
    return event.get("time").asText() + " " + event.get("type").asText() + " "
        + (event.has("job") ? event.get("job") : event.get("host")).asText()
        + (event.has("frame") ? " " + event.get("frame").asText() : "")
        + (event.has("exitStatus") ? " exit " + event.get("exitStatus").asText() : "");
  }

  /**
   * The page of docs/EVENTS.md at {@code /}, and {@code /cuegate/events} passed to the gateway's
   * {@code /events} with the token added: an {@code EventSource} cannot send one.
   */
  private static HttpServer proxy(ExecutorService handlers) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(handlers);
    byte[] page = ("<!doctype html><html><body>" + documentedPage() + "</body></html>")
        .getBytes(StandardCharsets.UTF_8);
    server.createContext("/", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, page.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(page);
      }
    });
    server.createContext("/cuegate/", EventsBrowserAndWebhookTest::forward);
    server.start();
    return server;
  }

  private static void forward(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(
            uri.getRawPath().substring("/cuegate".length())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
        .header("Authorization", "Bearer " + Tokens.valid())
        .header("Accept", "text/event-stream");
    String lastEventId = exchange.getRequestHeaders().getFirst("Last-Event-ID");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<InputStream> answer;
    try {
      answer = HttpClient.newHttpClient().send(request.build(),
          HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
      return;
    }
    answer.headers().firstValue("content-type")
        .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
    exchange.sendResponseHeaders(answer.statusCode(), 0);
    try (InputStream in = answer.body(); OutputStream out = exchange.getResponseBody()) {
      byte[] buffer = new byte[8192];
      for (int read; (read = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException e) {
      // The browser went away, or the gateway ended the stream.
    }
  }

  private static String documentedPage() {
    try {
      Matcher block = HTML_BLOCK.matcher(
          Files.readString(Repository.root().resolve("docs/EVENTS.md")));
      assertThat(block.find()).as("docs/EVENTS.md has an html example").isTrue();
      return block.group(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every event of the farm goes to the receiver. */
  private static Path webhooksFile() {
    return Receiver.webhooksFile("""
        [{"name": "all", "url": "%s", "secret": "all-secret"}]
        """.formatted(receiver.uri("/all")));
  }
}
