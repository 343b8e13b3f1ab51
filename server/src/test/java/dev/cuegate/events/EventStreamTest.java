package dev.cuegate.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.SseClient;
import dev.cuegate.testing.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /events}: Server-Sent Events with filters, resumption, heartbeats and a bound. */
class EventStreamTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BUFFER = 5;
  private static final int MAX_PENDING = 10;

  @RegisterExtension
  static final GatewayExtension gateway = new GatewayExtension()
      .env("EVENTS_BUFFER", Integer.toString(BUFFER))
      .env("EVENTS_MAX_PENDING", Integer.toString(MAX_PENDING))
      .env("EVENTS_HEARTBEAT", "300ms");

  @Test
  void anEventReachesAReaderAsJsonWithItsId() throws Exception {
    try (SseClient events = open("/events")) {
      FarmEvent sent = publish(EventType.FRAME_DEAD, "testing", "testing-sh01-alice_comp",
          Map.of("frame", "0001-render", "exitStatus", 1));

      SseClient.Message message = events.nextData(WAIT);

      assertThat(events.response().headers().firstValue("content-type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
      assertThat(message.id()).isEqualTo(Long.toString(sent.id()));
      JsonNode data = JSON.readTree(message.data());
      assertThat(data.get("type").asText()).isEqualTo("frame.dead");
      assertThat(data.get("show").asText()).isEqualTo("testing");
      assertThat(data.get("job").asText()).isEqualTo("testing-sh01-alice_comp");
      assertThat(data.get("frame").asText()).isEqualTo("0001-render");
      assertThat(data.get("exitStatus").asInt()).isEqualTo(1);
      assertThat(Instant.parse(data.get("time").asText())).isNotNull();
    }
  }

  @Test
  void filtersSelectShowsJobsAndTypes() throws Exception {
    try (SseClient byShow = open("/events?show=other");
        SseClient byJob = open("/events?job=j2");
        SseClient byType = open("/events?types=job.finished,host.down")) {
      publish(EventType.FRAME_STARTED, "testing", "j1", Map.of());
      publish(EventType.FRAME_STARTED, "other", "j2", Map.of());
      publish(EventType.HOST_DOWN, "", "", Map.of("host", "render-01"));
      publish(EventType.JOB_FINISHED, "testing", "j1", Map.of("deadFrames", 0));

      assertThat(type(byShow.nextData(WAIT))).isEqualTo("frame.started");
      assertThat(type(byJob.nextData(WAIT))).isEqualTo("frame.started");
      assertThat(type(byType.nextData(WAIT))).isEqualTo("host.down");
      assertThat(type(byType.nextData(WAIT))).isEqualTo("job.finished");
      // Nothing else was for the show and job readers: the next thing each sees is a heartbeat.
      assertThat(byShow.next(WAIT).comments()).contains("heartbeat");
      assertThat(byJob.next(WAIT).comments()).contains("heartbeat");
    }
  }

  @Test
  void anUnknownFilterOrTypeIsA400NamingIt() throws Exception {
    HttpResponse<String> filter = get("/events?shows=testing");
    HttpResponse<String> type = get("/events?types=frame.dead,frame.exploded");

    assertThat(filter.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(filter.body()).get("message").asText()).contains("\"shows\"");
    assertThat(type.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(type.body()).get("message").asText())
        .contains("\"frame.exploded\"")
        .doesNotContain("\"frame.dead\"");
  }

  @Test
  void theStreamNeedsTheApisBearerToken() {
    HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.uri("/events"))
        .GET().build());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("www-authenticate")).isPresent();
  }

  @Test
  void lastEventIdResumesFromTheBuffer() throws Exception {
    FarmEvent first = publish(EventType.JOB_LAUNCHED, "testing", "resume", Map.of());
    FarmEvent second = publish(EventType.JOB_PAUSED, "testing", "resume", Map.of());
    FarmEvent third = publish(EventType.JOB_RESUMED, "testing", "resume", Map.of());

    try (SseClient events = SseClient.open(
        gateway.uri("/events?job=resume"), Tokens.valid(), Long.toString(first.id()))) {
      assertThat(events.nextData(WAIT).id()).isEqualTo(Long.toString(second.id()));
      assertThat(events.nextData(WAIT).id()).isEqualTo(Long.toString(third.id()));
    }
  }

  @Test
  void aGapTheBufferCannotFillIsSaidInTheStream() throws Exception {
    FarmEvent lost = publish(EventType.JOB_LAUNCHED, "testing", "gap", Map.of());
    for (int i = 0; i < BUFFER + 2; i++) {
      publish(EventType.FRAME_STARTED, "testing", "gap", Map.of("frame", "f" + i));
    }

    try (SseClient events = SseClient.open(
        gateway.uri("/events?job=gap"), Tokens.valid(), Long.toString(lost.id()))) {
      SseClient.Message gap = events.nextData(WAIT);
      SseClient.Message kept = events.nextData(WAIT);

      assertThat(gap.event()).isEqualTo("gap");
      assertThat(JSON.readTree(gap.data()).get("lastEventId").asText())
          .isEqualTo(Long.toString(lost.id()));
      assertThat(Long.parseLong(kept.id())).isGreaterThan(lost.id() + 1);
    }
  }

  @Test
  void anIdleStreamSendsHeartbeatComments() throws Exception {
    try (SseClient events = open("/events?job=nobody")) {
      SseClient.Message message = events.next(WAIT);
      while (message.comments().isEmpty()) {
        message = events.next(WAIT);
      }

      assertThat(message.comments()).containsExactly("heartbeat");
    }
  }

  @Test
  void gzipIsNotAppliedSoEventsAreNeverHeldBack() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(gateway.uri("/events?job=gzip"))
        .header("Authorization", "Bearer " + Tokens.valid())
        .header("Accept-Encoding", "gzip")
        .build();
    HttpResponse<InputStream> response = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1).build()
        .send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      assertThat(response.headers().firstValue("content-encoding")).hasValue("identity");
      assertThat(new String(body.readNBytes(5), StandardCharsets.UTF_8)).isEqualTo("retry");
    }
  }

  @Test
  void aReaderThatFallsTooFarBehindIsDisconnectedAndCounted() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
      // The smallest receive window the system allows, and never read: the reader stalls.
      socket.setReceiveBufferSize(1024);
      OutputStream out = socket.getOutputStream();
      out.write(("GET /events?job=slow HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
          + Tokens.valid() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String padding = "x".repeat(4096);
      long deadline = System.nanoTime() + WAIT.toNanos() * 3;
      while (slowDisconnects() < 1 && System.nanoTime() < deadline) {
        for (int i = 0; i < 100; i++) {
          publish(EventType.FRAME_STARTED, "testing", "slow", Map.of("padding", padding));
        }
      }
    }

    assertThat(slowDisconnects()).isGreaterThanOrEqualTo(1);
  }

  private static double slowDisconnects() {
    String metrics = gateway.admin("/metrics").body();
    return metrics.lines()
        .filter(line -> line.startsWith("cuegate_events_slow_disconnects_total"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static SseClient open(String path) throws InterruptedException {
    SseClient client = SseClient.open(gateway.uri(path), Tokens.valid(), null);
    // The first message ("retry:") is written after subscribing: once it arrives, nothing
    // published later can be missed.
    client.next(WAIT);
    return client;
  }

  private static HttpResponse<String> get(String path) {
    return gateway.send(gateway.request(path).GET().build());
  }

  private static FarmEvent publish(
      EventType type, String show, String job, Map<String, Object> attributes) {
    return gateway.gate().events().publish(type, show, job, attributes);
  }

  private static String type(SseClient.Message message) throws IOException {
    return JSON.readTree(message.data()).get("type").asText();
  }
}
