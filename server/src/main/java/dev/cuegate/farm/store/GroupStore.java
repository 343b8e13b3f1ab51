package dev.cuegate.farm.store;

import dev.cuegate.db.Sql;
import dev.cuegate.db.Transaction;
import dev.cuegate.proto.job.JobState;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A show's tree of groups (folders): each show has a root group named after it, and groups hold
 * jobs and other groups. Names are unique within a show, since groups are found by show and name.
 * Each public method is one transaction.
 */
public final class GroupStore {
  /** The folder columns GroupInterface's setters store; cores in hundredths. */
  public static final List<String> SETTINGS = List.of("job_priority", "job_min_cores",
      "job_max_cores", "job_min_gpus", "job_max_gpus", "min_cores", "max_cores", "min_gpus",
      "max_gpus");

  /** The job columns a group's job_ settings are given to. */
  private static final Map<String, String> INHERITED = Map.of("job_priority", "priority",
      "job_min_cores", "min_cores", "job_max_cores", "max_cores", "job_min_gpus", "min_gpus",
      "job_max_gpus", "max_gpus");

  private final FarmStore store;

  public GroupStore(FarmStore store) {
    this.store = store;
  }

  /** The show's groups, root first, then by level and name, each with its pending jobs' counts. */
  public List<GroupRow> groups(String showId) {
    return store.run((c, states) -> rows(c, "show_id = ?", showId));
  }

  /** @throws FarmException NOT_FOUND when there is no such group */
  public GroupRow group(String id) {
    return store.run((c, states) -> group(c, id));
  }

  /** The groups whose parent is {@code id}. */
  public List<GroupRow> children(String id) {
    return store.run((c, states) -> {
      group(c, id);
      return rows(c, "parent_id = ?", id);
    });
  }

  /** The ids of the group's pending jobs, by name. */
  public List<String> pendingJobIds(String id) {
    return store.run((c, states) -> {
      group(c, id);
      return Sql.list(c, "SELECT id FROM job WHERE folder_id = ? AND state = ? ORDER BY name",
          row -> row.getString(1), id, JobState.PENDING.name());
    });
  }

  /** A new group {@code name} under {@code parentId}, in the parent's show. */
  public GroupRow createSubGroup(String parentId, String name) {
    String trimmed = name.trim();
    if (trimmed.isEmpty()) {
      throw FarmException.invalid("name: give the new group a name");
    }
    return store.run((c, states) -> {
      GroupRow parent = group(c, parentId);
      if (Sql.one(c, "SELECT id FROM folder WHERE show_id = ? AND name = ?", row -> 1,
          parent.showId(), trimmed).isPresent()) {
        throw new FarmException(FarmException.Kind.ALREADY_EXISTS,
            "the show already has a group named \"" + trimmed + "\"");
      }
      String id = UUID.randomUUID().toString();
      Sql.update(c, "INSERT INTO folder (id, show_id, name, parent_id, level)"
          + " VALUES (?, ?, ?, ?, ?)", id, parent.showId(), trimmed, parentId, parent.level() + 1);
      return group(c, id);
    });
  }

  /**
   * Deletes a group that holds no pending job and no group, as Cuebot does; its finished jobs
   * move to its parent. A show's root group stays.
   */
  public void delete(String id) {
    store.run((c, states) -> {
      GroupRow group = group(c, id);
      if (group.parentId() == null) {
        throw precondition("group " + group.name() + " is its show's root group and cannot be"
            + " deleted");
      }
      if (Sql.count(c, "SELECT COUNT(*) FROM folder WHERE parent_id = ?", id) > 0) {
        throw precondition("group " + group.name() + " still has groups in it: move or delete"
            + " them first");
      }
      if (group.pendingJobs() > 0) {
        throw precondition("group " + group.name() + " still has jobs in it: move them or wait"
            + " until they finish");
      }
      if (Filters.movesJobsTo(c, id)) {
        throw precondition("group " + group.name() + " is where a filter action moves jobs:"
            + " delete that action first");
      }
      Sql.update(c, "UPDATE job SET folder_id = ? WHERE folder_id = ?", group.parentId(), id);
      Sql.update(c, "DELETE FROM folder WHERE id = ?", id);
      return null;
    });
  }

  /**
   * Moves {@code groupIds} under {@code parentId}, with the groups in them. Every group is checked
   * before any moves: all in the parent's show, none the root, none the parent or above it.
   */
  public void reparentGroups(String parentId, List<String> groupIds) {
    store.run((c, states) -> {
      GroupRow parent = group(c, parentId);
      List<GroupRow> moving = new ArrayList<>();
      for (String id : groupIds) {
        GroupRow group = group(c, id);
        if (!group.showId().equals(parent.showId())) {
          throw FarmException.invalid("groups: group " + group.name()
              + " is of another show than " + parent.name());
        }
        if (group.parentId() == null) {
          throw FarmException.invalid("groups: " + group.name() + " is its show's root group,"
              + " which cannot move");
        }
        if (isAncestorOrSelf(c, id, parentId)) {
          throw FarmException.invalid("groups: " + group.name() + " cannot move into "
              + parent.name() + ", which is in it");
        }
        moving.add(group);
      }
      for (GroupRow group : moving) {
        Sql.update(c, "UPDATE folder SET parent_id = ? WHERE id = ?", parentId, group.id());
        relevel(c, group.id(), parent.level() + 1);
      }
      return null;
    });
  }

  /** Moves jobs of the group's show into the group; every job is checked before any moves. */
  public void reparentJobs(String groupId, List<String> jobIds) {
    store.run((c, states) -> {
      GroupRow group = group(c, groupId);
      for (String jobId : jobIds) {
        String showId = Sql.one(c, "SELECT show_id FROM job WHERE id = ?",
            row -> row.getString(1), jobId)
            .orElseThrow(() -> FarmException.notFound("job " + jobId + " does not exist"));
        if (!showId.equals(group.showId())) {
          throw FarmException.invalid("jobs: job " + jobId + " is of another show than group "
              + group.name());
        }
      }
      for (String jobId : jobIds) {
        moveJob(c, jobId, groupId);
      }
      return null;
    });
  }

  /** Moves the job into the group, which gives it the group's job defaults, as Cuebot does. */
  static void moveJob(Transaction c, String jobId, String groupId) throws SQLException {
    Sql.update(c, "UPDATE job SET folder_id = ? WHERE id = ?", groupId, jobId);
    inherit(c, jobId, groupId);
  }

  /** Gives the job each job default the group has set. */
  static void inherit(Transaction c, String jobId, String groupId) throws SQLException {
    GroupRow group = group(c, groupId);
    for (Map.Entry<String, String> setting : INHERITED.entrySet()) {
      int value = group.setting(setting.getKey());
      if (value >= 0) {
        Sql.update(c, "UPDATE job SET " + setting.getValue() + " = ? WHERE id = ?", value, jobId);
      }
    }
  }

  /**
   * Renames the group; the name must not be another group's of the show, and a show's root group
   * keeps the show's name.
   */
  public void rename(String id, String name) {
    String trimmed = name.trim();
    if (trimmed.isEmpty()) {
      throw FarmException.invalid("name: give the group a name");
    }
    store.run((c, states) -> {
      GroupRow group = group(c, id);
      if (group.parentId() == null) {
        throw FarmException.invalid("group: " + group.name() + " is its show's root group,"
            + " which keeps the show's name");
      }
      if (Sql.one(c, "SELECT id FROM folder WHERE show_id = ? AND name = ? AND id <> ?",
          row -> 1, group.showId(), trimmed, id).isPresent()) {
        throw new FarmException(FarmException.Kind.ALREADY_EXISTS,
            "the show already has a group named \"" + trimmed + "\"");
      }
      Sql.update(c, "UPDATE folder SET name = ? WHERE id = ?", trimmed, id);
      return null;
    });
  }

  /** Stores a cores setting ({@code cores} in cores) in hundredths, as {@link #set} does. */
  public void setCores(String id, String column, String field, float cores) {
    set(id, column, field, CoreUnits.hundredths(field, cores));
  }

  /**
   * Stores one of {@link #SETTINGS} on the group; {@code field} names the request's field in the
   * error of a negative value.
   */
  public void set(String id, String column, String field, int value) {
    if (!SETTINGS.contains(column)) {
      throw new IllegalArgumentException(column);
    }
    if (value < 0) {
      throw FarmException.invalid(field + ": must be 0 or more, not " + value);
    }
    store.run((c, states) -> {
      group(c, id);
      Sql.update(c, "UPDATE folder SET " + column + " = ? WHERE id = ?", value, id);
      return null;
    });
  }

  private static boolean isAncestorOrSelf(Transaction c, String id, String groupId)
      throws SQLException {
    String current = groupId;
    while (current != null) {
      if (current.equals(id)) {
        return true;
      }
      current = group(c, current).parentId();
    }
    return false;
  }

  private static void relevel(Transaction c, String id, int level) throws SQLException {
    Sql.update(c, "UPDATE folder SET level = ? WHERE id = ?", level, id);
    for (String child : Sql.list(c, "SELECT id FROM folder WHERE parent_id = ?",
        row -> row.getString(1), id)) {
      relevel(c, child, level + 1);
    }
  }

  static GroupRow group(Transaction c, String id) throws SQLException {
    return rows(c, "id = ?", id).stream().findFirst()
        .orElseThrow(() -> FarmException.notFound("group " + id + " does not exist"));
  }

  /** The groups {@code where} selects on the folder table, with their pending jobs' counts. */
  private static List<GroupRow> rows(Transaction c, String where, Object... args)
      throws SQLException {
    Map<String, String> folderOfJob = new HashMap<>();
    Sql.list(c, "SELECT id, folder_id FROM job WHERE state = ?",
        row -> folderOfJob.put(row.getString(1), row.getString(2)), JobState.PENDING.name());
    Map<String, List<JobRow>> jobsByGroup = new HashMap<>();
    for (JobRow job : Reads.jobRows(c, " WHERE j.state = ?", JobState.PENDING.name())) {
      jobsByGroup.computeIfAbsent(folderOfJob.get(job.id()), group -> new ArrayList<>())
          .add(job);
    }
    return Sql.list(c, "SELECT * FROM folder WHERE " + where + " ORDER BY level, name", row -> {
      List<JobRow> jobs = jobsByGroup.getOrDefault(row.getString("id"), List.of());
      Map<String, Integer> settings = new HashMap<>();
      for (String column : SETTINGS) {
        settings.put(column, row.getInt(column));
      }
      return new GroupRow(row.getString("id"), row.getString("show_id"), row.getString("name"),
          row.getString("parent_id"), row.getInt("level"), jobs.size(), Reads.sum(jobs),
          Map.copyOf(settings));
    }, args);
  }

  private static FarmException precondition(String message) {
    return new FarmException(FarmException.Kind.FAILED_PRECONDITION, message);
  }
}
