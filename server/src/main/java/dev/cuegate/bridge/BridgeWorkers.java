package dev.cuegate.bridge;

import dev.cuegate.farm.store.FarmTransaction;
import dev.cuegate.worker.WorkerDirectory;
import java.sql.SQLException;

/**
 * The workers that can run the bridge's frames: signed on and accepting the task type those
 * frames get. Only they make up the host Cuebot books on; a worker of other task types would
 * leave a booked frame waiting for nobody (docs/OPENCUE-BRIDGE.md).
 */
final class BridgeWorkers {
  private final WorkerDirectory directory;
  private final String taskType;

  BridgeWorkers(WorkerDirectory directory, String taskType) {
    this.directory = directory;
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
  BridgeFrames.Capacity capacity(FarmTransaction tx, int defaultCores, long defaultMemoryMb)
      throws SQLException {
    WorkerDirectory.Capacity sum = directory.capacity(tx, taskType, defaultCores, defaultMemoryMb);
    return new BridgeFrames.Capacity(sum.cores(), sum.memoryMb(), sum.workers(), sum.others());
  }

  /**
   * How many workers could take a frame of {@code jobId} right now (all of a Cuebot job's frames
   * here share one task type).
   */
  int free(FarmTransaction tx, String jobId) throws SQLException {
    return directory.freeWorkers(tx, jobId, taskType);
  }

  /** Every worker may run the frame's task again, whoever failed it before. */
  void forgetFailures(FarmTransaction tx, String frameId) throws SQLException {
    directory.forgetFailures(tx, frameId);
  }
}
