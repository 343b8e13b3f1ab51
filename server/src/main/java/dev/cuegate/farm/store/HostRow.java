package dev.cuegate.farm.store;

import dev.cuegate.proto.host.HardwareState;
import java.util.List;

/**
 * A render host as OpenCue's host calls show it. Times are epoch milliseconds.
 *
 * @param up whether the host is signed on (working or asleep)
 * @param locked whether the host is locked, or asked to lock once its work is done
 * @param runningFrames the ids of the frames the host is running
 * @param tags its tags: the allocation's, its name, what it declared, then those operators added
 * @param state its hardware state as OpenCue shows it
 */
public record HostRow(
    String id,
    String name,
    String platform,
    boolean up,
    boolean locked,
    int cores,
    long memoryMb,
    List<String> taskTypes,
    long registered,
    long lastActivity,
    List<String> runningFrames,
    List<String> tags,
    HardwareState state) {

  public HostRow {
    taskTypes = List.copyOf(taskTypes);
    runningFrames = List.copyOf(runningFrames);
    tags = List.copyOf(tags);
  }

  /** How many frames the host is running. */
  public int activeTasks() {
    return runningFrames.size();
  }
}
