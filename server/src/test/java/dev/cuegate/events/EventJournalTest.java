package dev.cuegate.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuegate.db.Database;
import dev.cuegate.farm.store.FarmChange;
import dev.cuegate.testing.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal on a database of its own: published iff committed, bounded, reloaded. */
class EventJournalTest {
  private static final int CAPACITY = 3;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
  @TempDir Path dir;
  private Database database;

  @BeforeEach
  void open() {
    database = Database.open("jdbc:sqlite:" + dir.resolve("farm.db"));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aChangeIsPublishedOnceItsTransactionCommittedAndNotWhenItRolledBack() {
    EventBus bus = bus();
    List<FarmEvent> received = subscribe(bus);
    EventJournal journal = new EventJournal(bus, CAPACITY, clock);

    assertThatThrownBy(() -> database.transaction(tx -> {
      journal.changed(tx, change(1));
      assertThat(received).as("not before the commit").isEmpty();
      throw new IllegalStateException("rolled back");
    })).hasMessage("rolled back");
    commit(journal, change(2));

    assertThat(received).hasSize(1);
    assertThat(received.get(0).attributes()).containsEntry("exitStatus", 2);
    assertThat(received.get(0).id()).as("the rolled-back change used no id")
        .isEqualTo(clock.millis() * 1000);
  }

  @Test
  void aRestartedBusResumesFromTheJournalWhichKeepsOnlyTheLastEvents() {
    EventBus before = bus();
    EventJournal journal = new EventJournal(before, CAPACITY, clock);
    List<FarmEvent> published = subscribe(before);
    for (int i = 1; i <= 5; i++) {
      commit(journal, change(i));
    }

    EventBus after = bus();
    EventJournal reopened = new EventJournal(after, CAPACITY, clock);
    database.transaction(tx -> {
      reopened.restore(tx);
      return null;
    });
    List<FarmEvent> resumed = new ArrayList<>();
    EventBus.Subscription resuming =
        after.subscribe(OptionalLong.of(published.get(1).id()), resumed::add);
    EventBus.Subscription tooLate =
        after.subscribe(OptionalLong.of(published.get(0).id()), event -> { });
    commit(reopened, change(6));

    assertThat(resuming.missingFrom()).isEmpty();
    assertThat(resumed).extracting(event -> event.attributes().get("exitStatus"))
        .containsExactly(3, 4, 5, 6);
    assertThat(resumed.get(3).id()).isEqualTo(published.get(4).id() + 1);
    assertThat(resumed.get(0)).isEqualTo(published.get(2));
    assertThat(tooLate.missingFrom()).hasValue(published.get(1).id());
  }

  private EventBus bus() {
    return new EventBus(CAPACITY, clock, new SimpleMeterRegistry());
  }

  private static List<FarmEvent> subscribe(EventBus bus) {
    List<FarmEvent> received = new ArrayList<>();
    bus.subscribe(OptionalLong.empty(), received::add);
    return received;
  }

  private void commit(EventJournal journal, FarmChange change) {
    database.transaction(tx -> {
      journal.changed(tx, change);
      return null;
    });
  }

  private static FarmChange change(int exitStatus) {
    return new FarmChange(FarmChange.Kind.FRAME_FAILED, "demo", "demo-job",
        Map.of("frame", "0001-render", "exitStatus", exitStatus));
  }
}
