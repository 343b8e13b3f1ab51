package dev.cuegate.farm.service;

import dev.cuegate.farm.store.CommentRow;
import dev.cuegate.farm.store.FarmException;
import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.FarmTransaction;
import dev.cuegate.farm.store.HostDirectory;
import dev.cuegate.farm.store.HostRow;
import dev.cuegate.proto.comment.Comment;
import dev.cuegate.proto.host.HardwareState;
import dev.cuegate.proto.host.Host;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What operators do to the farm's hosts beyond locking them: comments, tags, hardware state,
 * restarts, deleting, the allocation (docs/EMBEDDED-FARM.md, "Hosts"). Each call validates its
 * input first, then changes the host in one farm transaction.
 */
final class HostActions {
  private static final Set<HardwareState> SETTABLE =
      Set.of(HardwareState.UP, HardwareState.DOWN, HardwareState.REPAIR);

  private final FarmStore store;
  private final HostDirectory directory;
  private final Clock clock;

  HostActions(FarmStore store, HostDirectory directory, Clock clock) {
    this.store = store;
    this.directory = directory;
    this.clock = clock;
  }

  List<CommentRow> comments(Host host) {
    return store.transaction(tx -> directory.comments(tx, named(tx, host).id()));
  }

  void addComment(Host host, Comment comment) {
    CommentRow row = new CommentRow(UUID.randomUUID().toString(), clock.millis() / 1000,
        comment.getUser(), comment.getSubject(), comment.getMessage());
    store.transaction(tx -> {
      directory.addComment(tx, named(tx, host).id(), row);
      return null;
    });
  }

  void addTags(Host host, List<String> tags) {
    if (tags.isEmpty()) {
      throw invalid("tags: give at least one tag");
    }
    tags.forEach(tag -> TagNames.check("tags", tag));
    store.transaction(tx -> {
      directory.addTags(tx, named(tx, host).id(), tags);
      return null;
    });
  }

  void removeTags(Host host, List<String> tags) {
    store.transaction(tx -> {
      directory.removeTags(tx, named(tx, host).id(), tags);
      return null;
    });
  }

  void renameTag(Host host, String oldTag, String newTag) {
    if (oldTag.isEmpty()) {
      throw invalid("old_tag: give the tag to rename");
    }
    TagNames.check("new_tag", newTag);
    store.transaction(tx -> {
      directory.renameTag(tx, named(tx, host).id(), oldTag, newTag);
      return null;
    });
  }

  void setHardwareState(Host host, HardwareState state) {
    if (!SETTABLE.contains(state)) {
      throw invalid("state: " + state + " cannot be set; give UP, DOWN or REPAIR"
          + " (Reboot and RebootWhenIdle restart a host)");
    }
    store.transaction(tx -> {
      directory.setHardwareState(tx, named(tx, host).id(), state);
      return null;
    });
  }

  void reboot(Host host, boolean whenIdle) {
    store.transaction(tx -> {
      directory.reboot(tx, named(tx, host).id(), whenIdle);
      return null;
    });
  }

  /** Forgets a host that runs nothing; one that runs a frame is refused. */
  void delete(Host host) {
    store.transaction(tx -> {
      HostRow row = named(tx, host);
      if (row.activeTasks() > 0) {
        throw new FarmException(FarmException.Kind.FAILED_PRECONDITION, "host " + row.name()
            + " is running " + row.activeTasks() + " frame(s): kill or unbook its procs, or"
            + " wait for them, before deleting it");
      }
      directory.delete(tx, row.id());
      return null;
    });
  }

  /** The farm has one allocation, which every host is in already. */
  void setAllocation(Host host, String allocationId) {
    if (allocationId.isEmpty()) {
      throw invalid("allocation_id: give the allocation's id");
    }
    if (!allocationId.equals(LocalFacility.ALLOCATION_ID)) {
      throw new FarmException(FarmException.Kind.NOT_FOUND, "allocation " + allocationId
          + " does not exist: the embedded farm has one allocation, " + LocalFacility.ALLOCATION
          + " (id " + LocalFacility.ALLOCATION_ID + ")");
    }
    store.transaction(tx -> named(tx, host));
  }

  /** The host a request names: by id as Cuebot's clients do, or by name. */
  HostRow named(FarmTransaction tx, Host host) throws SQLException {
    if (host.getId().isEmpty() && host.getName().isEmpty()) {
      throw invalid("host: give its id or name");
    }
    boolean byId = !host.getId().isEmpty();
    return directory.hosts(tx).stream()
        .filter(row -> byId ? row.id().equals(host.getId()) : row.name().equals(host.getName()))
        .findFirst()
        .orElseThrow(() -> new FarmException(FarmException.Kind.NOT_FOUND, byId
            ? "host " + host.getId() + " does not exist"
            : "host \"" + host.getName() + "\" does not exist"));
  }

  private static FarmException invalid(String message) {
    return new FarmException(FarmException.Kind.INVALID_ARGUMENT, message);
  }
}
