package dev.cuegate.farm.store;

import java.util.List;

/**
 * An HTTP worker as OpenCue's host calls show it. Times are epoch milliseconds.
 *
 * @param status the worker protocol's status ({@code awake}, {@code asleep}, {@code offline}, …)
 * @param statusRequested the status an operator asked for and the worker has not yet taken; empty
 *     when none
 * @param activeTasks how many tasks the worker is running
 */
public record HostRow(
    String id,
    String name,
    String platform,
    String status,
    String statusRequested,
    boolean lazyStatusRequest,
    int cores,
    long memoryMb,
    List<String> taskTypes,
    long registered,
    long lastActivity,
    int activeTasks) {

  public HostRow {
    taskTypes = List.copyOf(taskTypes);
  }
}
