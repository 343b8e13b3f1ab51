package dev.cuegate.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuegate.db.Sql;
import dev.cuegate.db.Transaction;
import dev.cuegate.farm.store.FarmChange;
import dev.cuegate.farm.store.FarmChangeListener;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded farm's event source: each change its store makes is written to the journal table
 * in the same transaction, numbered after the journal's last event, and published on the bus
 * once (and only if) the transaction committed. The journal keeps the last {@code capacity}
 * events, from which a restarted CueGate reloads the bus (docs/EVENTS.md, "The journal").
 */
public final class EventJournal implements FarmChangeListener {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> ATTRIBUTES =
      new TypeReference<>() {};

  private final EventBus bus;
  private final int capacity;
  private final Clock clock;

  public EventJournal(EventBus bus, int capacity, Clock clock) {
    this.bus = bus;
    this.capacity = capacity;
    this.clock = clock;
  }

  @Override
  public void changed(Transaction transaction, FarmChange change) throws SQLException {
    // An empty journal starts where the bus would: after every id an earlier CueGate gave out.
    long id = Sql.one(transaction, "SELECT MAX(id) FROM event_journal", row -> {
      long last = row.getLong(1);
      return row.wasNull() ? bus.nextId() : last + 1;
    }).orElseThrow();
    FarmEvent event = new FarmEvent(id, EventType.valueOf(change.kind().name()),
        Instant.ofEpochMilli(clock.millis()), change.show(), change.job(), change.attributes());
    Sql.update(transaction, "INSERT INTO event_journal (id, type, created, show_name, job_name,"
            + " attributes) VALUES (?, ?, ?, ?, ?, ?)",
        id, event.type().wireName(), event.time().toEpochMilli(), event.show(), event.job(),
        json(event.attributes()));
    Sql.update(transaction, "DELETE FROM event_journal WHERE id <= ?", id - capacity);
    transaction.afterCommit(() -> bus.append(event));
  }

  /** Puts the journal's events on the bus, so readers resume across a restart; before serving. */
  public void restore(Transaction transaction) throws SQLException {
    List<FarmEvent> newestFirst = Sql.list(transaction,
        "SELECT id, type, created, show_name, job_name, attributes FROM event_journal"
            + " ORDER BY id DESC LIMIT ?", EventJournal::event, capacity);
    List<FarmEvent> events = new ArrayList<>(newestFirst);
    Collections.reverse(events);
    bus.restore(events);
  }

  private static FarmEvent event(ResultSet row) throws SQLException {
    String type = row.getString("type");
    try {
      return new FarmEvent(row.getLong("id"),
          EventType.fromWireName(type).orElseThrow(
              () -> new SQLException("event_journal: unknown event type " + type)),
          Instant.ofEpochMilli(row.getLong("created")), row.getString("show_name"),
          row.getString("job_name"), JSON.readValue(row.getString("attributes"), ATTRIBUTES));
    } catch (JsonProcessingException e) {
      throw new SQLException("event_journal: unreadable attributes of event "
          + row.getLong("id"), e);
    }
  }

  private static String json(Map<String, Object> attributes) {
    try {
      return JSON.writeValueAsString(attributes);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event attributes must be plain values", e);
    }
  }
}
