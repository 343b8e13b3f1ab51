package dev.cuegate.farm.store;

import dev.cuegate.db.Database;
import dev.cuegate.db.Sql;
import dev.cuegate.db.Transaction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The departments' settings in each show and their tasks, as CueWeb's task dialog sets them and
 * as Cuebot keeps them: a managed department's tasks are adjusted, an unmanaged one's set.
 */
public final class Departments {
  private static final String TASK_SELECT =
      "SELECT id, show_id, dept, shot, min_cores, adjust_cores FROM department_task";

  private final Database database;

  Departments(Database database) {
    this.database = database;
  }

  /** The department's settings in the show; unmanaged with no cores until something is set. */
  public DepartmentRow department(String showId, String dept) {
    return database.transaction(c -> point(c, showId, dept));
  }

  /**
   * A TI task manages the department from now on, with {@code managedCores} cores.
   *
   * @throws FarmException INVALID_ARGUMENT for an empty task name or negative cores
   */
  public void enableTiManaged(String showId, String dept, String tiTask, float managedCores) {
    if (tiTask.isBlank()) {
      throw FarmException.invalid("ti_task: name the TI task that manages the department");
    }
    int cores = CoreUnits.hundredths("managed_cores", managedCores);
    database.transaction(c ->
        write(c, new DepartmentRow(showId, dept, true, tiTask.trim(), cores)));
  }

  /** No TI task manages the department any more: it has no task name and no managed cores. */
  public void disableTiManaged(String showId, String dept) {
    database.transaction(c -> write(c, new DepartmentRow(showId, dept, false, "", 0)));
  }

  /** @throws FarmException INVALID_ARGUMENT for negative cores */
  public void setManagedCores(String showId, String dept, float managedCores) {
    int cores = CoreUnits.hundredths("managed_cores", managedCores);
    database.transaction(c -> {
      DepartmentRow current = point(c, showId, dept);
      return write(c, new DepartmentRow(showId, dept, current.tiManaged(), current.tiTask(),
          cores));
    });
  }

  /** The department's tasks in the show, by shot. */
  public List<TaskRow> tasks(String showId, String dept) {
    return database.transaction(c -> Sql.list(c,
        TASK_SELECT + " WHERE show_id = ? AND dept = ? ORDER BY shot", Departments::task,
        showId, dept));
  }

  /**
   * Adds the department's task for {@code shot}.
   *
   * @throws FarmException INVALID_ARGUMENT for an empty shot or negative cores, ALREADY_EXISTS
   *     when the department has a task for the shot
   */
  public TaskRow addTask(String showId, String dept, String shot, float minCores) {
    if (shot.isBlank()) {
      throw FarmException.invalid("shot: name the shot the task is for");
    }
    int cores = CoreUnits.hundredths("min_cores", minCores);
    TaskRow task = new TaskRow(UUID.randomUUID().toString(), showId, dept, shot.trim(), cores, 0);
    return database.transaction(c -> {
      if (Sql.count(c, "SELECT COUNT(*) FROM department_task WHERE show_id = ? AND dept = ?"
          + " AND shot = ?", showId, dept, task.shot()) > 0) {
        throw new FarmException(FarmException.Kind.ALREADY_EXISTS,
            "department " + dept + " already has a task for shot \"" + task.shot() + "\"");
      }
      Sql.update(c, "INSERT INTO department_task (id, show_id, dept, shot, min_cores,"
          + " adjust_cores) VALUES (?, ?, ?, ?, ?, ?)", task.id(), showId, dept, task.shot(),
          cores, 0);
      return task;
    });
  }

  /** @throws FarmException NOT_FOUND when there is no such task */
  public TaskRow task(String id) {
    return database.transaction(c -> existingTask(c, id));
  }

  /**
   * The task's minimum cores become {@code minCores}: on a managed department by an adjustment
   * of the cores its TI task gave, otherwise by setting them, as Cuebot does.
   *
   * @throws FarmException INVALID_ARGUMENT for negative cores, NOT_FOUND for an unknown task
   */
  public void setTaskMinCores(String id, float minCores) {
    int cores = CoreUnits.hundredths("new_min_cores", minCores);
    database.transaction(c -> {
      TaskRow task = existingTask(c, id);
      return point(c, task.showId(), task.dept()).tiManaged()
          ? Sql.update(c, "UPDATE department_task SET adjust_cores = ? WHERE id = ?",
              cores - task.minCores(), id)
          : Sql.update(c, "UPDATE department_task SET min_cores = ? WHERE id = ?", cores, id);
    });
  }

  /** @throws FarmException NOT_FOUND for an unknown task */
  public void clearAdjustments(String id) {
    database.transaction(c -> {
      existingTask(c, id);
      return Sql.update(c, "UPDATE department_task SET adjust_cores = 0 WHERE id = ?", id);
    });
  }

  /** @throws FarmException NOT_FOUND for an unknown task */
  public void deleteTask(String id) {
    database.transaction(c -> {
      existingTask(c, id);
      return Sql.update(c, "DELETE FROM department_task WHERE id = ?", id);
    });
  }

  private static TaskRow existingTask(Transaction c, String id) throws SQLException {
    return Sql.one(c, TASK_SELECT + " WHERE id = ?", Departments::task, id)
        .orElseThrow(() -> FarmException.notFound("task " + id + " does not exist"));
  }

  private static DepartmentRow point(Transaction c, String showId, String dept)
      throws SQLException {
    Optional<DepartmentRow> stored = Sql.one(c, "SELECT ti_managed, ti_task, managed_cores"
            + " FROM department_point WHERE show_id = ? AND dept = ?",
        row -> new DepartmentRow(showId, dept, row.getBoolean(1), row.getString(2),
            row.getInt(3)),
        showId, dept);
    return stored.orElse(new DepartmentRow(showId, dept, false, "", 0));
  }

  private static int write(Transaction c, DepartmentRow row) throws SQLException {
    int updated = Sql.update(c, "UPDATE department_point SET ti_managed = ?, ti_task = ?,"
            + " managed_cores = ? WHERE show_id = ? AND dept = ?",
        row.tiManaged(), row.tiTask(), row.managedCores(), row.showId(), row.dept());
    if (updated > 0) {
      return updated;
    }
    return Sql.update(c, "INSERT INTO department_point (show_id, dept, ti_managed, ti_task,"
            + " managed_cores) VALUES (?, ?, ?, ?, ?)",
        row.showId(), row.dept(), row.tiManaged(), row.tiTask(), row.managedCores());
  }

  private static TaskRow task(ResultSet row) throws SQLException {
    return new TaskRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
        row.getInt(5), row.getInt(6));
  }
}
