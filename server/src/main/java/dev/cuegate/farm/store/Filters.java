package dev.cuegate.farm.store;

import dev.cuegate.db.Sql;
import dev.cuegate.db.Transaction;
import dev.cuegate.proto.filter.ActionType;
import dev.cuegate.proto.filter.FilterType;
import dev.cuegate.proto.filter.MatchSubject;
import dev.cuegate.proto.filter.MatchType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Runs a show's filters on a job, as Cuebot does when a job is launched: each enabled filter in
 * order, and when its matchers match, its actions, until one stops processing. Works inside the
 * caller's transaction.
 */
final class Filters {
  private Filters() {}

  /** Runs the job's show's enabled filters on it. */
  static void runOnLaunch(Transaction c, String jobId) throws SQLException {
    String showId = Sql.one(c, "SELECT show_id FROM job WHERE id = ?", row -> row.getString(1),
        jobId).orElseThrow();
    for (FilterRow filter : filters(c, "show_id = ? AND enabled = ?", showId, true)) {
      if (run(c, filter, jobId)) {
        return;
      }
    }
  }

  /** Runs one filter on the job; answers whether it stops the filters after it. */
  static boolean run(Transaction c, FilterRow filter, String jobId) throws SQLException {
    if (!matches(c, filter, jobId)) {
      return false;
    }
    for (ActionRow action : actions(c, filter.id())) {
      switch (action.type()) {
        case SET_JOB_PRIORITY -> Sql.update(c, "UPDATE job SET priority = ? WHERE id = ?",
            action.value(), jobId);
        // The action keeps whole cores; the job keeps hundredths of a core, as dispatch counts.
        case SET_JOB_MAX_CORES -> Sql.update(c, "UPDATE job SET max_cores = ? WHERE id = ?",
            action.value() * 100, jobId);
        case PAUSE_JOB -> Sql.update(c, "UPDATE job SET paused = ? WHERE id = ?",
            action.value() != 0, jobId);
        case MOVE_JOB_TO_GROUP -> GroupStore.moveJob(c, jobId, action.groupId());
        case STOP_PROCESSING -> {
          return true;
        }
        default -> throw new IllegalStateException("stored action " + action.type());
      }
    }
    return false;
  }

  /** Whether a filter action moves jobs into the group. */
  static boolean movesJobsTo(Transaction c, String groupId) throws SQLException {
    return Sql.count(c, "SELECT COUNT(*) FROM filter_action WHERE folder_id = ?", groupId) > 0;
  }

  /** The actions the embedded farm carries out; others are refused when created. */
  static boolean isSupported(ActionType type) {
    return switch (type) {
      case MOVE_JOB_TO_GROUP, PAUSE_JOB, SET_JOB_MAX_CORES, SET_JOB_PRIORITY, STOP_PROCESSING ->
          true;
      default -> false;
    };
  }

  /** @throws FarmException INVALID_ARGUMENT naming {@code field} when it is not one */
  static Pattern regex(String field, String input) {
    try {
      return Pattern.compile(input);
    } catch (PatternSyntaxException e) {
      throw FarmException.invalid(field + ": not a regular expression: " + e.getMessage());
    }
  }

  /** No matcher matches nothing; MATCH_ALL needs every matcher, MATCH_ANY one. */
  private static boolean matches(Transaction c, FilterRow filter, String jobId)
      throws SQLException {
    List<MatcherRow> matchers = matchers(c, filter.id());
    if (matchers.isEmpty()) {
      return false;
    }
    JobRow job = Reads.job(c, jobId);
    List<LayerRow> layers = Reads.layerRows(c, "job_id = ?", jobId);
    for (MatcherRow matcher : matchers) {
      boolean match = matches(matcher, inputs(matcher.subject(), job, layers));
      if (match && filter.type() == FilterType.MATCH_ANY) {
        return true;
      }
      if (!match && filter.type() == FilterType.MATCH_ALL) {
        return false;
      }
    }
    return filter.type() == FilterType.MATCH_ALL;
  }

  /** What the subject is for the job: names lower case, as Cuebot compares them. */
  private static List<String> inputs(MatchSubject subject, JobRow job, List<LayerRow> layers) {
    return switch (subject) {
      case JOB_NAME -> List.of(lower(job.name()));
      case SHOW -> List.of(lower(job.show()));
      case SHOT -> List.of(lower(job.shot()));
      case USER -> List.of(lower(job.user()));
      case PRIORITY -> List.of(Integer.toString(job.priority()));
      case FACILITY -> List.of(lower(job.facility()));
      case LAYER_NAME -> layers.stream().map(LayerRow::name).toList();
      case SERVICE_NAME -> {
        List<String> services = new ArrayList<>();
        layers.forEach(layer -> services.addAll(
            layer.services().isEmpty() ? List.of("default") : layer.services()));
        yield services;
      }
      default -> List.of();
    };
  }

  /** Any input may match; the negative types need that none does. */
  private static boolean matches(MatcherRow matcher, List<String> inputs) {
    String value = matcher.input();
    return switch (matcher.type()) {
      case CONTAINS -> inputs.stream().anyMatch(input -> input.contains(value));
      case DOES_NOT_CONTAIN -> inputs.stream().noneMatch(input -> input.contains(value));
      case IS -> inputs.stream().anyMatch(input -> input.equals(value));
      case IS_NOT -> inputs.stream().noneMatch(input -> input.equals(value));
      case BEGINS_WITH -> inputs.stream().anyMatch(input -> input.startsWith(value));
      case ENDS_WITH -> inputs.stream().anyMatch(input -> input.endsWith(value));
      case REGEX -> {
        Pattern pattern = regex("input", value);
        yield inputs.stream().anyMatch(input -> pattern.matcher(input).find());
      }
      default -> false;
    };
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  static List<FilterRow> filters(Transaction c, String where, Object... args)
      throws SQLException {
    return Sql.list(c, "SELECT * FROM filter WHERE " + where + " ORDER BY filter_order, name",
        Filters::filter, args);
  }

  static List<MatcherRow> matchers(Transaction c, String filterId) throws SQLException {
    return matchersWhere(c, "filter_id = ?", filterId);
  }

  static List<MatcherRow> matchersWhere(Transaction c, String where, Object... args)
      throws SQLException {
    return Sql.list(c, "SELECT * FROM filter_matcher WHERE " + where + " ORDER BY created, id",
        row -> new MatcherRow(row.getString("id"), row.getString("filter_id"),
            MatchSubject.valueOf(row.getString("subject")),
            MatchType.valueOf(row.getString("match_type")), row.getString("match_input")),
        args);
  }

  static List<ActionRow> actions(Transaction c, String filterId) throws SQLException {
    return actionsWhere(c, "filter_id = ?", filterId);
  }

  static List<ActionRow> actionsWhere(Transaction c, String where, Object... args)
      throws SQLException {
    return Sql.list(c, "SELECT * FROM filter_action WHERE " + where + " ORDER BY created, id",
        row -> new ActionRow(row.getString("id"), row.getString("filter_id"),
            ActionType.valueOf(row.getString("action_type")), row.getString("folder_id"),
            row.getInt("integer_value")),
        args);
  }

  private static FilterRow filter(ResultSet row) throws SQLException {
    return new FilterRow(row.getString("id"), row.getString("show_id"), row.getString("name"),
        FilterType.valueOf(row.getString("filter_type")), row.getInt("filter_order"),
        row.getBoolean("enabled"));
  }
}
