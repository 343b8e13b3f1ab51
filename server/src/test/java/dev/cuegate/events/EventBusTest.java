package dev.cuegate.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.testing.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Numbering, the bounded buffer and resumption, without HTTP. */
class EventBusTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final EventBus bus = new EventBus(3, clock, new SimpleMeterRegistry());

  @Test
  void idsIncreaseByOneFromTheStartTime() {
    FarmEvent first = publish();
    FarmEvent second = publish();

    assertThat(first.id()).isEqualTo(clock.millis() * 1000);
    assertThat(second.id()).isEqualTo(first.id() + 1);
    assertThat(second.time()).isEqualTo(clock.instant());
  }

  @Test
  void aRestartedBusNumbersAfterTheOldOne() {
    FarmEvent before = publish();
    clock.advance(Duration.ofMillis(1));

    EventBus restarted = new EventBus(3, clock, new SimpleMeterRegistry());

    assertThat(restarted.nextId()).isGreaterThan(before.id());
  }

  @Test
  void resumingReplaysTheKeptEventsAfterTheLastSeen() {
    FarmEvent first = publish();
    FarmEvent second = publish();
    FarmEvent third = publish();
    List<FarmEvent> seen = new ArrayList<>();

    EventBus.Subscription subscription = bus.subscribe(OptionalLong.of(first.id()), seen::add);
    FarmEvent live = publish();

    assertThat(subscription.missingFrom()).isEmpty();
    assertThat(seen).containsExactly(second, third, live);
  }

  @Test
  void theBufferKeepsOnlyTheLastEventsAndSaysWhatWasLost() {
    FarmEvent first = publish();
    for (int i = 0; i < 4; i++) {
      publish();
    }
    List<FarmEvent> seen = new ArrayList<>();

    EventBus.Subscription subscription = bus.subscribe(OptionalLong.of(first.id()), seen::add);

    assertThat(subscription.missingFrom()).hasValue(first.id() + 1);
    assertThat(seen).hasSize(3);
    assertThat(seen.get(0).id()).isEqualTo(first.id() + 2);
  }

  @Test
  void anIdFromAnotherRunIsAGap() {
    publish();

    EventBus.Subscription subscription =
        bus.subscribe(OptionalLong.of(bus.nextId() + 100), event -> { });

    assertThat(subscription.missingFrom()).isPresent();
  }

  @Test
  void aClosedSubscriptionHearsNothingMore() {
    List<FarmEvent> seen = new ArrayList<>();
    EventBus.Subscription subscription = bus.subscribe(OptionalLong.empty(), seen::add);

    subscription.close();
    publish();

    assertThat(seen).isEmpty();
    assertThat(bus.hasSubscribers()).isFalse();
  }

  private FarmEvent publish() {
    return bus.publish(EventType.FRAME_STARTED, "testing", "job", Map.of());
  }
}
