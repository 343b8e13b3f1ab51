package dev.cuegate.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cuegate.events.EventBus;
import dev.cuegate.events.EventFilter;
import dev.cuegate.events.EventType;
import dev.cuegate.events.FarmEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events the journal kept but the webhooks never took (committed just before a crash) are taken
 * at the next start, once each; what was taken before is not sent again.
 *
 * <p>A run is a fresh bus with the journal's events {@link EventBus#restore restored} onto it, as
 * CueGate starts on the embedded farm; the crash is an event in that journal that the previous
 * run's bus never carried.
 */
class WebhookCatchUpTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final WebhookSettings FAST =
      new WebhookSettings(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(5));

  @TempDir Path dataDir;
  private final List<FarmEvent> journal = new ArrayList<>();
  private final List<AutoCloseable> opened = new ArrayList<>();
  private Receiver receiver;
  private List<WebhookEndpoint> endpoints;

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = open(Receiver.start());
    endpoints = List.of(
        new WebhookEndpoint("all", receiver.uri("/all"),
            new EventFilter(Set.of(), Set.of(), Set.of()), "secret"),
        new WebhookEndpoint("dead", receiver.uri("/dead"),
            new EventFilter(Set.of(), Set.of(), Set.of(EventType.FRAME_DEAD)), "secret"));
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  @Test
  void eventsCommittedJustBeforeACrashArriveOnceAfterTheRestart() throws Exception {
    Run first = run(endpoints);
    FarmEvent launched = first.commit(EventType.JOB_LAUNCHED);
    FarmEvent started = first.commit(EventType.FRAME_STARTED);
    awaitAll(first, launched, started);
    first.webhooks().close();
    // The crash: committed to the journal, never carried by the bus to the webhooks.
    FarmEvent dead = crashWindow(EventType.FRAME_DEAD);
    FarmEvent finished = crashWindow(EventType.JOB_FINISHED);

    Run second = run(endpoints);
    FarmEvent retried = second.commit(EventType.FRAME_RETRIED);

    awaitAll(second, launched, started, dead, finished, retried);
    assertThat(receiver.eventIds("/all")).containsExactly(ids(launched, started, dead, finished,
        retried));
    await().atMost(WAIT).until(() -> receiver.eventIds("/dead").size() == 1);
    assertThat(receiver.eventIds("/dead")).containsExactly(ids(dead));
  }

  @Test
  void aNormalRestartSendsNothingAgain() throws Exception {
    Run first = run(endpoints);
    FarmEvent launched = first.commit(EventType.JOB_LAUNCHED);
    FarmEvent dead = first.commit(EventType.FRAME_DEAD);
    awaitAll(first, launched, dead);
    first.webhooks().close();

    Run second = run(endpoints);
    // Taken after anything the start could have taken again, so it arrives after it.
    FarmEvent finished = second.commit(EventType.JOB_FINISHED);

    awaitAll(second, launched, dead, finished);
    assertThat(receiver.eventIds("/all")).containsExactly(ids(launched, dead, finished));
    assertThat(receiver.eventIds("/dead")).containsExactly(ids(dead));
  }

  @Test
  void anEventKeptButNotYetMarkedIsSentOnce() throws Exception {
    receiver.answer(503);
    Run first = run(endpoints.subList(0, 1));
    FarmEvent launched = first.commit(EventType.JOB_LAUNCHED);
    await().atMost(WAIT).until(() -> !receiver.received().isEmpty());
    first.webhooks().close();
    // A crash after the event's file was written and before the mark moved past it.
    new EnqueuedMark(dataDir.resolve("webhooks")).write(launched.id() - 1);
    int refused = receiver.received().size();
    receiver.answer(204);

    Run second = run(endpoints.subList(0, 1));
    FarmEvent finished = second.commit(EventType.JOB_FINISHED);

    await().atMost(WAIT).until(() -> second.webhooks().queued("all") == 0
        && receiver.received().size() > refused + 1);
    List<String> ids = receiver.eventIds("/all");
    assertThat(ids.subList(refused, ids.size())).containsExactly(ids(launched, finished));
  }

  @Test
  void endpointsConfiguredAfterARunWithoutThemOweNothingFromBefore() throws Exception {
    Run first = run(endpoints);
    FarmEvent launched = first.commit(EventType.JOB_LAUNCHED);
    awaitAll(first, launched);
    first.webhooks().close();
    Run without = run(List.of());
    without.commit(EventType.FRAME_DEAD);
    without.webhooks().close();

    Run again = run(endpoints);
    FarmEvent finished = again.commit(EventType.JOB_FINISHED);

    awaitAll(again, launched, finished);
    assertThat(receiver.eventIds("/all")).containsExactly(ids(launched, finished));
    assertThat(receiver.eventIds("/dead")).isEmpty();
  }

  /** A CueGate run: a bus holding the journal so far, and the webhooks started on it. */
  private record Run(EventBus bus, Webhooks webhooks, List<FarmEvent> journal) {
    /** A change committed while this run is up: in the journal, then on the bus. */
    FarmEvent commit(EventType type) {
      FarmEvent event = next(journal, type, bus.nextId());
      journal.add(event);
      bus.append(event);
      return event;
    }
  }

  private Run run(List<WebhookEndpoint> configured) throws IOException {
    EventBus bus = new EventBus(100, Clock.systemUTC(), new SimpleMeterRegistry());
    bus.restore(List.copyOf(journal));
    Webhooks webhooks = open(Webhooks.start(configured, bus, dataDir.resolve("webhooks"), FAST,
        Clock.systemUTC(), new SimpleMeterRegistry()));
    return new Run(bus, webhooks, journal);
  }

  private FarmEvent crashWindow(EventType type) {
    FarmEvent event = next(journal, type, 0);
    journal.add(event);
    return event;
  }

  /** Numbered as the journal numbers: one after its last, or {@code first} when it is empty. */
  private static FarmEvent next(List<FarmEvent> journal, EventType type, long first) {
    long id = journal.isEmpty() ? first : journal.get(journal.size() - 1).id() + 1;
    boolean aboutHost = type.aboutHost();
    return new FarmEvent(id, type, Instant.now(), aboutHost ? "" : "demo",
        aboutHost ? "" : "demo-a", Map.of());
  }

  /** Until {@code events} arrived and {@code run} acknowledged them (their files are gone). */
  private void awaitAll(Run run, FarmEvent... events) {
    await().atMost(WAIT).until(() -> receiver.eventIds("/all").size() >= events.length
        && run.webhooks().queued("all") == 0 && run.webhooks().queued("dead") == 0);
  }

  private <T extends AutoCloseable> T open(T closeable) {
    opened.add(closeable);
    return closeable;
  }

  private static String[] ids(FarmEvent... events) {
    return Stream.of(events).map(event -> Long.toString(event.id())).toArray(String[]::new);
  }
}
