package dev.cuegate.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cuegate.events.EventBus;
import dev.cuegate.events.EventFilter;
import dev.cuegate.events.EventType;
import dev.cuegate.events.FarmEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events published on the bus reach a local receiver: signed, filtered, retried and kept. */
class WebhookDeliveryTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  /** Short waits, so a receiver that comes back is retried within the test's time. */
  private static final WebhookSettings FAST =
      new WebhookSettings(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(5));
  private static final String SECRET = "webhook-secret";

  @TempDir Path dataDir;
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  @Test
  void aDeliveryCarriesTheEventSignedOverTimestampAndBody() throws Exception {
    Receiver receiver = open(Receiver.start());
    EventBus bus = bus(new SimpleMeterRegistry());
    open(start(List.of(endpoint("signed", receiver, new EventFilter(Set.of(), Set.of(), Set.of()))),
        bus, new SimpleMeterRegistry()));

    FarmEvent event = bus.publish(EventType.FRAME_DEAD, "demo", "demo-shot-job",
        Map.of("frame", "0001-render", "exitStatus", 1));

    await().atMost(WAIT).until(() -> receiver.received().size() == 1);
    Receiver.Received got = receiver.received().get(0);
    assertThat(got.body()).isEqualTo(event.toJson());
    assertThat(got.eventId()).isEqualTo(Long.toString(event.id()));
    long timestamp = Long.parseLong(got.timestamp());
    assertThat(timestamp).isCloseTo(System.currentTimeMillis() / 1000, within(60));
    assertThat(got.signature()).isEqualTo("sha256=" + hmac(SECRET, got.timestamp() + "." + got.body()));
    assertThat(got.signature()).isNotEqualTo("sha256=" + hmac("other", got.timestamp() + "." + got.body()));
  }

  @Test
  void eachEndpointGetsOnlyTheShowsJobsAndTypesItAskedFor() throws Exception {
    Receiver receiver = open(Receiver.start());
    EventBus bus = bus(new SimpleMeterRegistry());
    WebhookEndpoint deadInDemo = new WebhookEndpoint("dead-in-demo", receiver.uri("/dead"),
        new EventFilter(Set.of("demo"), Set.of(), Set.of(EventType.FRAME_DEAD)), SECRET);
    WebhookEndpoint oneJob = new WebhookEndpoint("one-job", receiver.uri("/job"),
        new EventFilter(Set.of(), Set.of("demo-a"), Set.of()), SECRET);
    WebhookEndpoint all = new WebhookEndpoint("all", receiver.uri("/all"),
        new EventFilter(Set.of(), Set.of(), Set.of()), SECRET);
    Webhooks webhooks = open(start(List.of(deadInDemo, oneJob, all), bus, new SimpleMeterRegistry()));

    FarmEvent deadA = bus.publish(EventType.FRAME_DEAD, "demo", "demo-a", Map.of());
    FarmEvent startedA = bus.publish(EventType.FRAME_STARTED, "demo", "demo-a", Map.of());
    FarmEvent deadOther = bus.publish(EventType.FRAME_DEAD, "other", "other-b", Map.of());
    FarmEvent hostDown = bus.publish(EventType.HOST_DOWN, "", "", Map.of("host", "h1"));
    FarmEvent deadB = bus.publish(EventType.FRAME_DEAD, "demo", "demo-b", Map.of());

    await().atMost(WAIT).until(() -> receiver.eventIds("/all").size() == 5
        && webhooks.queued("dead-in-demo") == 0 && webhooks.queued("one-job") == 0);
    assertThat(receiver.eventIds("/dead")).containsExactly(ids(deadA, deadB));
    assertThat(receiver.eventIds("/job")).containsExactly(ids(deadA, startedA));
    assertThat(receiver.eventIds("/all"))
        .containsExactly(ids(deadA, startedA, deadOther, hostDown, deadB));
  }

  @Test
  void aReceiverThatIsDownGetsEveryEventOnceItIsBack() throws Exception {
    Receiver first = Receiver.start();
    int port = first.port();
    WebhookEndpoint endpoint = new WebhookEndpoint("flaky", first.uri("/hook"),
        new EventFilter(Set.of(), Set.of(), Set.of()), SECRET);
    first.close();
    MeterRegistry meters = new SimpleMeterRegistry();
    EventBus bus = bus(meters);
    Webhooks webhooks = open(start(List.of(endpoint), bus, meters));

    List<FarmEvent> published = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      published.add(bus.publish(EventType.FRAME_FAILED, "demo", "demo-a", Map.of("n", i)));
    }
    await().atMost(WAIT).until(() -> counter(meters, "cuegate.webhooks.failed", "flaky") >= 3);
    assertThat(webhooks.queued("flaky")).isEqualTo(5);
    assertThat(gauge(meters, "flaky")).isEqualTo(5);
    Receiver back = open(Receiver.startOn(port));

    await().atMost(WAIT).until(() -> webhooks.queued("flaky") == 0);
    assertThat(back.eventIds("/hook")).containsExactly(ids(published.toArray(FarmEvent[]::new)));
    assertThat(counter(meters, "cuegate.webhooks.delivered", "flaky")).isEqualTo(5);
    assertThat(gauge(meters, "flaky")).isZero();
  }

  @Test
  void aRestartSendsWhatWasNotAcknowledgedAndNothingTwice() throws Exception {
    Receiver receiver = open(Receiver.start());
    receiver.answer(503);
    WebhookEndpoint endpoint = new WebhookEndpoint("kept", receiver.uri("/hook"),
        new EventFilter(Set.of(), Set.of(), Set.of()), SECRET);
    MeterRegistry before = new SimpleMeterRegistry();
    EventBus bus = bus(before);
    Webhooks firstRun = start(List.of(endpoint), bus, before);
    FarmEvent one = bus.publish(EventType.JOB_LAUNCHED, "demo", "demo-a", Map.of());
    FarmEvent two = bus.publish(EventType.JOB_FINISHED, "demo", "demo-a", Map.of());
    await().atMost(WAIT).until(() -> counter(before, "cuegate.webhooks.failed", "kept") >= 1
        && pendingFiles() == 2);
    firstRun.close();
    int refusedBeforeRestart = receiver.received().size();

    receiver.answer(200);
    MeterRegistry after = new SimpleMeterRegistry();
    Webhooks secondRun = start(List.of(endpoint), bus(after), after);
    await().atMost(WAIT).until(() -> secondRun.queued("kept") == 0);
    secondRun.close();

    List<String> acknowledged = receiver.eventIds("/hook")
        .subList(refusedBeforeRestart, receiver.received().size());
    assertThat(acknowledged).containsExactly(ids(one, two));
    assertThat(pendingFiles()).isZero();
    Webhooks thirdRun = open(start(List.of(endpoint), bus(after), new SimpleMeterRegistry()));
    assertThat(thirdRun.queued("kept")).isZero();
  }

  private Webhooks start(List<WebhookEndpoint> endpoints, EventBus bus, MeterRegistry meters)
      throws IOException {
    return Webhooks.start(endpoints, bus, dataDir.resolve("webhooks"), FAST, Clock.systemUTC(),
        meters);
  }

  private long pendingFiles() throws IOException {
    try (Stream<Path> files = Files.list(dataDir.resolve("webhooks").resolve("kept"))) {
      return files.count();
    }
  }

  private <T extends AutoCloseable> T open(T closeable) {
    opened.add(closeable);
    return closeable;
  }

  private static EventBus bus(MeterRegistry meters) {
    return new EventBus(100, Clock.systemUTC(), meters);
  }

  private static WebhookEndpoint endpoint(String name, Receiver receiver, EventFilter filter) {
    return new WebhookEndpoint(name, receiver.uri("/" + name), filter, SECRET);
  }

  private static String[] ids(FarmEvent... events) {
    return Stream.of(events).map(event -> Long.toString(event.id())).toArray(String[]::new);
  }

  private static double counter(MeterRegistry meters, String name, String endpoint) {
    return meters.find(name).tag("endpoint", endpoint).counter() == null
        ? 0
        : meters.find(name).tag("endpoint", endpoint).counter().count();
  }

  private static double gauge(MeterRegistry meters, String endpoint) {
    return meters.get("cuegate.webhooks.queued").tag("endpoint", endpoint).gauge().value();
  }

  /** The receiver's side, written from the documented recipe rather than with {@link Signature}. */
  private static String hmac(String secret, String signed) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
  }

  private static org.assertj.core.data.Offset<Long> within(long seconds) {
    return org.assertj.core.data.Offset.offset(seconds);
  }
}
