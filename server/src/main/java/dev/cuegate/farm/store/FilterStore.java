package dev.cuegate.farm.store;

import dev.cuegate.db.Sql;
import dev.cuegate.db.Transaction;
import dev.cuegate.proto.filter.ActionType;
import dev.cuegate.proto.filter.FilterType;
import dev.cuegate.proto.filter.MatchSubject;
import dev.cuegate.proto.filter.MatchType;
import dev.cuegate.proto.job.JobState;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A show's filters with their matchers and actions: stored, listed, edited, ordered, and run on
 * existing jobs (new jobs run them when launched). Each public method is one transaction, and
 * validates everything before it writes.
 */
public final class FilterStore {
  /** What a request gives for an action; only the value its type needs is read. */
  public record ActionValue(
      ActionType type, String groupId, int integerValue, float floatValue,
      boolean booleanValue) {}

  private final FarmStore store;
  private final Clock clock;

  public FilterStore(FarmStore store) {
    this.store = store;
    this.clock = store.clock();
  }

  /** The show's filters in the order they run. */
  public List<FilterRow> filters(String showId) {
    return store.run((c, states) -> Filters.filters(c, "show_id = ?", showId));
  }

  /** A new filter, enabled, MATCH_ANY, run after the show's others. */
  public FilterRow create(String showId, String name) {
    String trimmed = name(name);
    return store.run((c, states) -> {
      requireFreeName(c, showId, trimmed);
      int last = Sql.one(c, "SELECT MAX(filter_order) FROM filter WHERE show_id = ?",
          row -> row.getInt(1), showId).orElse(0);
      String id = UUID.randomUUID().toString();
      Sql.update(c, "INSERT INTO filter (id, show_id, name, filter_type, filter_order, enabled)"
          + " VALUES (?, ?, ?, ?, ?, ?)", id, showId, trimmed, FilterType.MATCH_ANY.name(),
          last + 1, true);
      return filter(c, id);
    });
  }

  public FilterRow filter(String id) {
    return store.run((c, states) -> filter(c, id));
  }

  /** The filter of the show (by name) named {@code name}. */
  public FilterRow find(String showId, String showName, String name) {
    return store.run((c, states) -> Filters.filters(c, "show_id = ? AND name = ?", showId, name)
        .stream().findFirst().orElseThrow(() -> FarmException.notFound(
            "show " + showName + " has no filter \"" + name + "\"")));
  }

  public void setName(String id, String name) {
    String trimmed = name(name);
    store.run((c, states) -> {
      FilterRow filter = filter(c, id);
      if (!filter.name().equals(trimmed)) {
        requireFreeName(c, filter.showId(), trimmed);
      }
      return Sql.update(c, "UPDATE filter SET name = ? WHERE id = ?", trimmed, id);
    });
  }

  public void setType(String id, FilterType type) {
    store.run((c, states) -> {
      filter(c, id);
      return Sql.update(c, "UPDATE filter SET filter_type = ? WHERE id = ?", type.name(), id);
    });
  }

  public void setEnabled(String id, boolean enabled) {
    store.run((c, states) -> {
      filter(c, id);
      return Sql.update(c, "UPDATE filter SET enabled = ? WHERE id = ?", enabled, id);
    });
  }

  /** Puts the filter at {@code order} (1 is first), before the one that was there. */
  public void setOrder(String id, int order) {
    move(id, (others, self) -> Math.max(0, Math.min(others.size(), order - 1)));
  }

  /** One place earlier. */
  public void raise(String id) {
    move(id, (others, self) -> Math.max(0, self - 1));
  }

  /** One place later. */
  public void lower(String id) {
    move(id, (others, self) -> Math.min(others.size(), self + 1));
  }

  public void first(String id) {
    move(id, (others, self) -> 0);
  }

  public void last(String id) {
    move(id, (others, self) -> others.size());
  }

  /** Deletes the filter with its matchers and actions. */
  public void delete(String id) {
    store.run((c, states) -> {
      FilterRow filter = filter(c, id);
      Sql.update(c, "DELETE FROM filter_matcher WHERE filter_id = ?", id);
      Sql.update(c, "DELETE FROM filter_action WHERE filter_id = ?", id);
      Sql.update(c, "DELETE FROM filter WHERE id = ?", id);
      renumber(c, Filters.filters(c, "show_id = ?", filter.showId()));
      return null;
    });
  }

  public List<MatcherRow> matchers(String filterId) {
    return store.run((c, states) -> {
      filter(c, filterId);
      return Filters.matchers(c, filterId);
    });
  }

  /** {@code field} names the request's matcher, for errors. */
  public MatcherRow createMatcher(String filterId, String field, MatchSubject subject,
      MatchType type, String input) {
    validateMatcher(field, type, input);
    return store.run((c, states) -> {
      filter(c, filterId);
      String id = UUID.randomUUID().toString();
      Sql.update(c, "INSERT INTO filter_matcher (id, filter_id, subject, match_type,"
          + " match_input, created) VALUES (?, ?, ?, ?, ?, ?)", id, filterId, subject.name(),
          type.name(), input, now(c));
      return matcher(c, id);
    });
  }

  public void commitMatcher(String id, String field, MatchSubject subject, MatchType type,
      String input) {
    validateMatcher(field, type, input);
    store.run((c, states) -> {
      matcher(c, id);
      return Sql.update(c, "UPDATE filter_matcher SET subject = ?, match_type = ?,"
          + " match_input = ? WHERE id = ?", subject.name(), type.name(), input, id);
    });
  }

  public void deleteMatcher(String id) {
    store.run((c, states) -> {
      matcher(c, id);
      return Sql.update(c, "DELETE FROM filter_matcher WHERE id = ?", id);
    });
  }

  public FilterRow matcherFilter(String id) {
    return store.run((c, states) -> filter(c, matcher(c, id).filterId()));
  }

  public List<ActionRow> actions(String filterId) {
    return store.run((c, states) -> {
      filter(c, filterId);
      return Filters.actions(c, filterId);
    });
  }

  /** {@code field} names the request's action, for errors. */
  public ActionRow createAction(String filterId, String field, ActionValue value) {
    return store.run((c, states) -> {
      FilterRow filter = filter(c, filterId);
      ActionRow action = validateAction(c, filter, field, value);
      String id = UUID.randomUUID().toString();
      Sql.update(c, "INSERT INTO filter_action (id, filter_id, action_type, folder_id,"
          + " integer_value, created) VALUES (?, ?, ?, ?, ?, ?)", id, filterId,
          action.type().name(), action.groupId(), action.value(), now(c));
      return action(c, id);
    });
  }

  public void commitAction(String id, String field, ActionValue value) {
    store.run((c, states) -> {
      FilterRow filter = filter(c, action(c, id).filterId());
      ActionRow action = validateAction(c, filter, field, value);
      return Sql.update(c, "UPDATE filter_action SET action_type = ?, folder_id = ?,"
          + " integer_value = ? WHERE id = ?", action.type().name(), action.groupId(),
          action.value(), id);
    });
  }

  public void deleteAction(String id) {
    store.run((c, states) -> {
      action(c, id);
      return Sql.update(c, "DELETE FROM filter_action WHERE id = ?", id);
    });
  }

  public FilterRow actionFilter(String id) {
    return store.run((c, states) -> filter(c, action(c, id).filterId()));
  }

  /** Runs the filter on each of the jobs, whether it is enabled or not. */
  public void runOnJobs(String filterId, List<String> jobIds) {
    store.run((c, states) -> {
      FilterRow filter = filter(c, filterId);
      for (String jobId : jobIds) {
        Reads.job(c, jobId);
      }
      for (String jobId : jobIds) {
        Filters.run(c, filter, jobId);
      }
      return null;
    });
  }

  /** Runs the filter on the pending jobs of the group. */
  public void runOnGroup(String filterId, String groupId) {
    store.run((c, states) -> {
      FilterRow filter = filter(c, filterId);
      GroupStore.group(c, groupId);
      for (String jobId : Sql.list(c, "SELECT id FROM job WHERE folder_id = ? AND state = ?",
          row -> row.getString(1), groupId, JobState.PENDING.name())) {
        Filters.run(c, filter, jobId);
      }
      return null;
    });
  }

  /** Where the filter goes among the show's others, given its place now. */
  @FunctionalInterface
  private interface Placement {
    int index(List<FilterRow> others, int current);
  }

  private void move(String id, Placement placement) {
    store.run((c, states) -> {
      FilterRow filter = filter(c, id);
      List<FilterRow> others = new ArrayList<>(Filters.filters(c, "show_id = ?",
          filter.showId()));
      int current = 0;
      while (!others.get(current).id().equals(id)) {
        current++;
      }
      others.remove(current);
      others.add(placement.index(others, current), filter);
      renumber(c, others);
      return null;
    });
  }

  private static void renumber(Transaction c, List<FilterRow> filters) throws SQLException {
    int order = 1;
    for (FilterRow filter : filters) {
      Sql.update(c, "UPDATE filter SET filter_order = ? WHERE id = ?", order++, filter.id());
    }
  }

  private static ActionRow validateAction(Transaction c, FilterRow filter, String field,
      ActionValue value) throws SQLException {
    ActionType type = value.type();
    if (!Filters.isSupported(type)) {
      throw FarmException.invalid(field + ".type: " + type + " needs a Cuebot: the embedded"
          + " farm's filters can MOVE_JOB_TO_GROUP, PAUSE_JOB, SET_JOB_PRIORITY,"
          + " SET_JOB_MAX_CORES and STOP_PROCESSING");
    }
    return switch (type) {
      case MOVE_JOB_TO_GROUP -> {
        if (value.groupId().isEmpty()) {
          throw FarmException.invalid(field + ".group_value: give the id of the group to move"
              + " jobs to");
        }
        GroupRow group = GroupStore.group(c, value.groupId());
        if (!group.showId().equals(filter.showId())) {
          throw FarmException.invalid(field + ".group_value: group " + group.name()
              + " is of another show than the filter");
        }
        yield new ActionRow("", filter.id(), type, group.id(), 0);
      }
      case SET_JOB_PRIORITY -> {
        if (value.integerValue() < 0) {
          throw FarmException.invalid(field + ".integer_value: a priority must be 0 or more,"
              + " got " + value.integerValue());
        }
        yield new ActionRow("", filter.id(), type, null, value.integerValue());
      }
      case SET_JOB_MAX_CORES -> {
        float cores = value.floatValue();
        if (cores < 1 || cores != Math.rint(cores)) {
          throw FarmException.invalid(field + ".float_value: max cores must be a whole number"
              + " of cores, 1 or more, got " + cores);
        }
        yield new ActionRow("", filter.id(), type, null, (int) cores);
      }
      case PAUSE_JOB -> new ActionRow("", filter.id(), type, null, value.booleanValue() ? 1 : 0);
      default -> new ActionRow("", filter.id(), type, null, 0);
    };
  }

  private static void validateMatcher(String field, MatchType type, String input) {
    if (input.isEmpty()) {
      throw FarmException.invalid(field + ".input: give the text to match");
    }
    if (type == MatchType.REGEX) {
      Filters.regex(field + ".input", input);
    }
  }

  private static String name(String name) {
    String trimmed = name.trim();
    if (trimmed.isEmpty()) {
      throw FarmException.invalid("name: give the filter a name");
    }
    return trimmed;
  }

  private static void requireFreeName(Transaction c, String showId, String name)
      throws SQLException {
    if (!Filters.filters(c, "show_id = ? AND name = ?", showId, name).isEmpty()) {
      throw new FarmException(FarmException.Kind.ALREADY_EXISTS,
          "the show already has a filter named \"" + name + "\"");
    }
  }

  private static FilterRow filter(Transaction c, String id) throws SQLException {
    return Filters.filters(c, "id = ?", id).stream().findFirst()
        .orElseThrow(() -> FarmException.notFound("filter " + id + " does not exist"));
  }

  private static MatcherRow matcher(Transaction c, String id) throws SQLException {
    return Filters.matchersWhere(c, "id = ?", id).stream().findFirst()
        .orElseThrow(() -> FarmException.notFound("matcher " + id + " does not exist"));
  }

  private static ActionRow action(Transaction c, String id) throws SQLException {
    return Filters.actionsWhere(c, "id = ?", id).stream().findFirst()
        .orElseThrow(() -> FarmException.notFound("action " + id + " does not exist"));
  }

  /**
   * Creation order of matchers and actions: the clock's milliseconds, after the last one stored,
   * so that two made in the same millisecond keep their order.
   */
  private long now(Transaction c) throws SQLException {
    long last = Sql.one(c, "SELECT MAX(created) FROM (SELECT created FROM filter_matcher"
        + " UNION ALL SELECT created FROM filter_action) t", row -> row.getLong(1)).orElse(0L);
    return Math.max(clock.millis(), last + 1);
  }
}
