package dev.cuegate.farm.store;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hosts' up and locked states before a farm transaction's work, told to the listener as
 * changes once the work is done: hosts change in the worker protocol's tables, which the farm
 * reads only through its {@link HostDirectory}, so their changes are seen by comparing the two.
 */
final class HostChanges {
  private final HostDirectory hosts;
  private final FarmChangeListener listener;
  private final Map<String, HostRow> before;

  private HostChanges(HostDirectory hosts, FarmChangeListener listener,
      Map<String, HostRow> before) {
    this.hosts = hosts;
    this.listener = listener;
    this.before = before;
  }

  /** The hosts as {@code tx} sees them before the work. */
  static HostChanges before(HostDirectory hosts, FarmChangeListener listener,
      FarmTransaction tx) throws SQLException {
    return new HostChanges(hosts, listener, byId(hosts.hosts(tx)));
  }

  /** Tells the listener, in {@code tx}, how each host's up and locked states changed since. */
  void tell(FarmTransaction tx) throws SQLException {
    for (HostRow now : hosts.hosts(tx)) {
      HostRow was = before.get(now.id());
      boolean wasUp = was != null && was.up();
      boolean wasLocked = was != null && was.locked();
      if (wasUp != now.up()) {
        tell(tx, now.up()
            ? FarmChange.ofHost(FarmChange.Kind.HOST_UP, now)
            : FarmChange.ofHost(FarmChange.Kind.HOST_DOWN, now, "state", "DOWN"));
      }
      if (wasLocked != now.locked()) {
        tell(tx, now.locked()
            ? FarmChange.ofHost(FarmChange.Kind.HOST_LOCKED, now, "lockState", "LOCKED")
            : FarmChange.ofHost(FarmChange.Kind.HOST_UNLOCKED, now, "lockState", "OPEN"));
      }
      before.remove(now.id());
    }
    // A host that is gone altogether is down.
    for (HostRow gone : before.values()) {
      if (gone.up()) {
        tell(tx, FarmChange.ofHost(FarmChange.Kind.HOST_DOWN, gone, "state", "DOWN"));
      }
    }
  }

  private void tell(FarmTransaction tx, FarmChange change) throws SQLException {
    listener.changed(tx.transaction(), change);
  }

  private static Map<String, HostRow> byId(List<HostRow> rows) {
    Map<String, HostRow> byId = new LinkedHashMap<>();
    rows.forEach(row -> byId.put(row.id(), row));
    return byId;
  }
}
