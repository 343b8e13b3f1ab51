package dev.cuegate.farm.store;

/**
 * A department's settings in a show: whether a TI task manages it, that task's name, and the
 * cores it manages in hundredths of a core.
 */
public record DepartmentRow(String showId, String dept, boolean tiManaged, String tiTask,
    int managedCores) {}
