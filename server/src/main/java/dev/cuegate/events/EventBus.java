package dev.cuegate.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Where events meet their readers: numbers each event, keeps the last {@code capacity} for
 * readers that resume, and hands each one to every subscriber in order.
 *
 * <p>Ids start at the start time in milliseconds times 1000, so the ids of a restarted CueGate are
 * larger than those of the one before it and a reader resuming across a restart is told of the
 * gap instead of being handed unrelated events. A source that numbers its events itself (the
 * embedded farm's journal, which continues its ids across restarts) {@link #append}s them, and
 * the journal's last events are {@link #restore}d at start.
 */
public final class EventBus {
  private final int capacity;
  private final Clock clock;
  private final ArrayDeque<FarmEvent> recent = new ArrayDeque<>();
  private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
  private final MeterRegistry meters;
  private final Map<EventType, Counter> published = new ConcurrentHashMap<>();
  private long nextId;

  public EventBus(int capacity, Clock clock, MeterRegistry meters) {
    this.capacity = capacity;
    this.clock = clock;
    this.meters = meters;
    this.nextId = clock.millis() * 1000;
    Gauge.builder("cuegate.events.subscribers", subscribers, Set::size)
        .description("Readers of the event stream connected right now")
        .register(meters);
  }

  /** Numbers, stamps, keeps and delivers one event; answers it as delivered. */
  public synchronized FarmEvent publish(
      EventType type, String show, String job, Map<String, Object> attributes) {
    FarmEvent event = new FarmEvent(nextId, type, clock.instant(), show, job, attributes);
    append(event);
    return event;
  }

  /**
   * Keeps and delivers an event its source numbered: after every event so far.
   *
   * @throws IllegalArgumentException when its id is not above every earlier one
   */
  public synchronized void append(FarmEvent event) {
    if (event.id() < nextId) {
      throw new IllegalArgumentException(
          "event " + event.id() + " is not after the last one (" + (nextId - 1) + ")");
    }
    nextId = event.id() + 1;
    recent.addLast(event);
    if (recent.size() > capacity) {
      recent.removeFirst();
    }
    published.computeIfAbsent(event.type(), t -> Counter.builder("cuegate.events.published")
            .description("Events published on the event stream")
            .tag("type", t.wireName())
            .register(meters))
        .increment();
    for (Subscriber subscriber : subscribers) {
      subscriber.sink.accept(event);
    }
  }

  /**
   * Keeps {@code events} (in id order, of an earlier run) for readers that resume, and numbers
   * after them; they are not delivered again. Called before anyone subscribes.
   */
  public synchronized void restore(List<FarmEvent> events) {
    for (FarmEvent event : events) {
      recent.addLast(event);
      if (recent.size() > capacity) {
        recent.removeFirst();
      }
      nextId = event.id() + 1;
    }
  }

  /**
   * Registers {@code sink} for every event published from now on, after first handing it the kept
   * events after {@code lastSeen} (none when empty). Events reach {@code sink} in id order, one at
   * a time, under the bus's lock: it must only queue them.
   *
   * @return the subscription, which says whether events after {@code lastSeen} were lost
   */
  public synchronized Subscription subscribe(OptionalLong lastSeen, Consumer<FarmEvent> sink) {
    OptionalLong missingFrom = OptionalLong.empty();
    long firstKept = recent.isEmpty() ? nextId : recent.peekFirst().id();
    if (lastSeen.isPresent()) {
      long last = lastSeen.getAsLong();
      if (last + 1 < firstKept || last >= nextId) {
        missingFrom = OptionalLong.of(last + 1);
      }
      List<FarmEvent> replay = new ArrayList<>();
      for (FarmEvent event : recent) {
        if (event.id() > last) {
          replay.add(event);
        }
      }
      replay.forEach(sink);
    }
    Subscriber subscriber = new Subscriber(sink);
    subscribers.add(subscriber);
    return new Subscription(subscriber, missingFrom, firstKept);
  }

  /** Whether anyone reads the stream; sources that cost something poll only while someone does. */
  public boolean hasSubscribers() {
    return !subscribers.isEmpty();
  }

  /** How many readers are subscribed right now. */
  public int subscriberCount() {
    return subscribers.size();
  }

  /** The id the next event will get. */
  public synchronized long nextId() {
    return nextId;
  }

  private record Subscriber(Consumer<FarmEvent> sink) {
    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  /**
   * One reader's registration.
   *
   * @param missingFrom when present, events from this id up to {@code firstKept} were lost: the
   *     reader was away longer than the buffer reaches, or the id is of another CueGate run
   */
  public final class Subscription implements AutoCloseable {
    private final Subscriber subscriber;
    private final OptionalLong missingFrom;
    private final long firstKept;

    private Subscription(Subscriber subscriber, OptionalLong missingFrom, long firstKept) {
      this.subscriber = subscriber;
      this.missingFrom = missingFrom;
      this.firstKept = firstKept;
    }

    public OptionalLong missingFrom() {
      return missingFrom;
    }

    /** The oldest event id still kept when the reader subscribed. */
    public long firstKept() {
      return firstKept;
    }

    @Override
    public void close() {
      subscribers.remove(subscriber);
    }
  }
}
