package dev.cuegate.farm.service;

import dev.cuegate.farm.store.DepartmentRow;
import dev.cuegate.farm.store.FarmException;
import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.ShowRow;
import dev.cuegate.farm.store.TaskRow;
import dev.cuegate.proto.department.Department;
import dev.cuegate.proto.task.Task;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The departments of the farm's shows as OpenCue's department calls see them: each show has
 * Cuebot's default department, {@code Unknown}, named {@code <show>.Unknown}, with the settings
 * and tasks stored for it.
 */
final class ShowDepartments {
  static final String UNKNOWN = "Unknown";

  private final FarmStore store;

  ShowDepartments(FarmStore store) {
    this.store = store;
  }

  Department department(ShowRow show) {
    DepartmentRow row = store.departments().department(show.id(), UNKNOWN);
    return Department.newBuilder()
        .setId(id(show))
        .setName(show.name() + "." + UNKNOWN)
        .setDept(UNKNOWN)
        .setTiManaged(row.tiManaged())
        .setTiTask(row.tiTask())
        .setMinCores(row.managedCores() / 100f)
        .build();
  }

  /**
   * The show of the department a request names: by its id, or by its name
   * {@code <show>.Unknown}.
   *
   * @throws FarmException NOT_FOUND when no show has that department
   */
  ShowRow show(Department department) {
    if (department.getId().isEmpty() && department.getName().isEmpty()) {
      throw new FarmException(FarmException.Kind.INVALID_ARGUMENT,
          "department: give its id or name");
    }
    for (ShowRow show : store.shows(false)) {
      if (department.getId().equals(id(show))
          || department.getName().equals(show.name() + "." + UNKNOWN)) {
        return show;
      }
    }
    throw new FarmException(FarmException.Kind.NOT_FOUND, "department "
        + (department.getId().isEmpty() ? "\"" + department.getName() + "\"" : department.getId())
        + " does not exist: each show has one department, <show>." + UNKNOWN);
  }

  /**
   * The tasks of the department a request names; a bare department name ({@code Unknown})
   * lists its tasks in every show.
   */
  List<TaskRow> tasks(Department department) {
    if (department.getId().isEmpty() && department.getName().equals(UNKNOWN)) {
      return store.shows(false).stream()
          .flatMap(show -> store.departments().tasks(show.id(), UNKNOWN).stream())
          .toList();
    }
    return store.departments().tasks(show(department).id(), UNKNOWN);
  }

  Task task(TaskRow task) {
    return Task.newBuilder()
        .setId(task.id())
        .setName(task.shot() + "." + task.dept())
        .setShot(task.shot())
        .setDept(task.dept())
        .setPointId(id(task.showId()))
        .setMinCores((task.minCores() + task.adjustCores()) / 100f)
        .setAdjustCores(task.adjustCores() / 100f)
        .build();
  }

  private static String id(ShowRow show) {
    return id(show.id());
  }

  private static String id(String showId) {
    return UUID.nameUUIDFromBytes((showId + "/" + UNKNOWN).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
