package dev.cuegate.bridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuegate.farm.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The workers that can run the bridge's frames: signed on and accepting the task type those
 * frames get. Only they make up the host Cuebot books on; a worker of other task types would
 * leave a booked frame waiting for nobody (docs/OPENCUE-BRIDGE.md).
 */
final class BridgeWorkers {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SIGNED_ON = "w.status IN ('awake', 'starting')";
  /**
   * Free for a job's frame: signed on, asked for nothing, running no task and not blocklisted
   * for the job (all of a Cuebot job's frames here share one task type).
   */
  private static final String FREE = SIGNED_ON + " AND w.status_requested = ''"
      + " AND NOT EXISTS (SELECT 1 FROM worker_task t WHERE t.worker_id = w.id"
      + " AND t.status = 'active')"
      + " AND NOT EXISTS (SELECT 1 FROM worker_blocklist b WHERE b.worker_id = w.id"
      + " AND b.job_id = ?)";

  /** One signed-on worker as far as the host's shape goes. */
  private record Row(int cores, long memoryMb, List<String> taskTypes) {}

  private final String taskType;

  BridgeWorkers(String taskType) {
    this.taskType = taskType;
  }

  /** The task type the bridge's frames get; workers must accept it to run them. */
  String taskType() {
    return taskType;
  }

  /**
   * What the signed-on workers that accept the task type add up to; a worker that declared
   * nothing counts as {@code defaultCores} and {@code defaultMemoryMb}.
   */
  BridgeFrames.Capacity capacity(Connection c, int defaultCores, long defaultMemoryMb)
      throws SQLException {
    int cores = 0;
    long memoryMb = 0;
    int workers = 0;
    int others = 0;
    for (Row row : Sql.list(c, "SELECT w.cores, w.memory_mb, w.supported_task_types"
            + " FROM worker w WHERE " + SIGNED_ON,
        result -> new Row(result.getInt(1), result.getLong(2), list(result.getString(3))))) {
      if (!row.taskTypes().contains(taskType)) {
        others++;
        continue;
      }
      cores += row.cores() > 0 ? row.cores() : defaultCores;
      memoryMb += row.memoryMb() > 0 ? row.memoryMb() : defaultMemoryMb;
      workers++;
    }
    return new BridgeFrames.Capacity(cores, memoryMb, workers, others);
  }

  /** How many workers could take a frame of {@code jobId} right now. */
  int free(Connection c, String jobId) throws SQLException {
    return (int) Sql.list(c, "SELECT w.supported_task_types FROM worker w WHERE " + FREE,
            row -> list(row.getString(1)), jobId).stream()
        .filter(types -> types.contains(taskType))
        .count();
  }

  private static List<String> list(String json) throws SQLException {
    try {
      return List.of(JSON.readValue(json, String[].class));
    } catch (JsonProcessingException e) {
      throw new SQLException("corrupt worker.supported_task_types: " + json, e);
    }
  }
}
