package dev.cuegate.worker;

import dev.cuegate.farm.store.FarmTransaction;
import dev.cuegate.farm.store.HostDirectory;
import dev.cuegate.farm.store.HostRow;
import dev.cuegate.proto.job.FrameState;
import dev.cuegate.worker.Protocol.Worker;
import dev.cuegate.worker.WorkerRepository.TaskRow;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registered workers as the rest of CueGate asks about them, inside the caller's farm
 * transaction: as the farm's hosts (locks included), what they add up to, and who is free.
 */
public final class WorkerDirectory implements HostDirectory {
  /** Signed on: working, or ready to. */
  private static final Set<WorkerStatus> SIGNED_ON =
      EnumSet.of(WorkerStatus.AWAKE, WorkerStatus.STARTING);
  /** Shown as up to OpenCue's host calls. */
  private static final Set<WorkerStatus> UP =
      EnumSet.of(WorkerStatus.AWAKE, WorkerStatus.ASLEEP, WorkerStatus.STARTING);

  /**
   * What the signed-on workers that accept a task type add up to; {@code others} counts the
   * signed-on workers that accept only other task types.
   */
  public record Capacity(int cores, long memoryMb, int workers, int others) {}

  private WorkerDirectory() {}

  /** The directory of the workers in the farm's database. */
  public static WorkerDirectory create() {
    return new WorkerDirectory();
  }

  @Override
  public List<HostRow> hosts(FarmTransaction tx) throws SQLException {
    WorkerRepository rows = rows(tx);
    Map<String, List<String>> running = new HashMap<>();
    for (TaskRow task : rows.tasks(TaskStatuses.ACTIVE)) {
      if (tx.frame(task.frameId()).state() == FrameState.RUNNING) {
        running.computeIfAbsent(task.workerId(), id -> new ArrayList<>()).add(task.frameId());
      }
    }
    return rows.workers().stream().map(worker -> host(worker,
        running.getOrDefault(worker.id(), List.of()))).toList();
  }

  /** Locking asks the worker to fall asleep once its task is done. */
  @Override
  public boolean lock(FarmTransaction tx, String hostId) throws SQLException {
    return rows(tx).requestStatus(hostId, Optional.of(WorkerStatus.ASLEEP), true);
  }

  /** Unlocking wakes an asleep worker; an awake one with a pending lock only sees it withdrawn. */
  @Override
  public boolean unlock(FarmTransaction tx, String hostId) throws SQLException {
    WorkerRepository rows = rows(tx);
    Optional<Worker> worker = rows.worker(hostId);
    if (worker.isEmpty()) {
      return false;
    }
    return worker.get().status() == WorkerStatus.ASLEEP
        ? rows.requestStatus(hostId, Optional.of(WorkerStatus.AWAKE), false)
        : rows.requestStatus(hostId, Optional.empty(), false);
  }

  /**
   * What the signed-on workers that accept {@code taskType} add up to; a worker that declared no
   * cores or memory counts as {@code defaultCores} and {@code defaultMemoryMb}.
   */
  public Capacity capacity(FarmTransaction tx, String taskType, int defaultCores,
      long defaultMemoryMb) throws SQLException {
    int cores = 0;
    long memoryMb = 0;
    int workers = 0;
    int others = 0;
    for (Worker worker : rows(tx).workers(SIGNED_ON)) {
      if (!worker.taskTypes().contains(taskType)) {
        others++;
        continue;
      }
      cores += worker.cores() > 0 ? worker.cores() : defaultCores;
      memoryMb += worker.memoryMb() > 0 ? worker.memoryMb() : defaultMemoryMb;
      workers++;
    }
    return new Capacity(cores, memoryMb, workers, others);
  }

  /**
   * How many workers are free for a frame of task type {@code taskType} of the job
   * {@code jobId}: signed on, accepting that task type, asked for nothing, running no task, and
   * not blocklisted for the job.
   */
  public int freeWorkers(FarmTransaction tx, String jobId, String taskType)
      throws SQLException {
    return (int) rows(tx).idleWorkers(SIGNED_ON, jobId).stream()
        .filter(worker -> worker.taskTypes().contains(taskType))
        .count();
  }

  /** Every worker may run the frame's task again, whoever failed it before. */
  public void forgetFailures(FarmTransaction tx, String frameId) throws SQLException {
    rows(tx).forgetFailuresOfFrame(frameId);
  }

  private static WorkerRepository rows(FarmTransaction tx) {
    return new WorkerRepository(tx.transaction());
  }

  private static HostRow host(Worker worker, List<String> runningFrames) {
    boolean locked = worker.status() == WorkerStatus.ASLEEP
        || worker.statusRequested().equals(Optional.of(WorkerStatus.ASLEEP));
    return new HostRow(worker.id(), worker.nickname(), worker.platform(),
        UP.contains(worker.status()), locked, worker.cores(), worker.memoryMb(),
        worker.taskTypes(), worker.registered(), worker.lastActivity(), runningFrames);
  }
}
