package dev.cuegate.worker;

import dev.cuegate.farm.store.CommentRow;
import dev.cuegate.farm.store.FarmException;
import dev.cuegate.farm.store.FarmTransaction;
import dev.cuegate.farm.store.HostDirectory;
import dev.cuegate.farm.store.HostRow;
import dev.cuegate.proto.host.HardwareState;
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
    HostRepository hosts = new HostRepository(tx.transaction());
    Map<String, List<String>> tags = hosts.addedTags();
    Map<String, String> states = hosts.hardwareStates();
    return rows.workers().stream().map(worker -> host(worker,
        running.getOrDefault(worker.id(), List.of()),
        HostTags.of(worker, tags.getOrDefault(worker.id(), List.of())),
        state(worker, states.getOrDefault(worker.id(), "")))).toList();
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

  private static HostRow host(Worker worker, List<String> runningFrames, List<String> tags,
      HardwareState state) {
    boolean locked = worker.status() == WorkerStatus.ASLEEP
        || worker.statusRequested().equals(Optional.of(WorkerStatus.ASLEEP));
    return new HostRow(worker.id(), worker.nickname(), worker.platform(),
        UP.contains(worker.status()), locked, worker.cores(), worker.memoryMb(),
        worker.taskTypes(), worker.registered(), worker.lastActivity(), runningFrames, tags,
        state);
  }

  /**
   * An operator's REPAIR or DOWN first; then a pending restart (a shutdown request, which a
   * supervised worker survives); else whether the worker is signed on.
   */
  private static HardwareState state(Worker worker, String held) {
    if (!held.isEmpty()) {
      return HardwareState.valueOf(held);
    }
    if (worker.statusRequested().equals(Optional.of(WorkerStatus.SHUTDOWN))) {
      return worker.lazyStatusRequest() ? HardwareState.REBOOT_WHEN_IDLE
          : HardwareState.REBOOTING;
    }
    return UP.contains(worker.status()) ? HardwareState.UP : HardwareState.DOWN;
  }

  // Hosts as operators keep them: comments, tags, hardware state

  @Override
  public List<CommentRow> comments(FarmTransaction tx, String hostId) throws SQLException {
    return hosts(tx, hostId).comments(hostId);
  }

  @Override
  public void addComment(FarmTransaction tx, String hostId, CommentRow comment)
      throws SQLException {
    hosts(tx, hostId).insertComment(hostId, comment);
  }

  @Override
  public Optional<String> hostOfComment(FarmTransaction tx, String commentId)
      throws SQLException {
    return new HostRepository(tx.transaction()).workerOfComment(commentId);
  }

  @Override
  public void saveComment(FarmTransaction tx, String commentId, String subject, String message)
      throws SQLException {
    new HostRepository(tx.transaction()).updateComment(commentId, subject, message);
  }

  @Override
  public void deleteComment(FarmTransaction tx, String commentId) throws SQLException {
    new HostRepository(tx.transaction()).deleteComment(commentId);
  }

  @Override
  public void addTags(FarmTransaction tx, String hostId, List<String> tags) throws SQLException {
    HostRepository hosts = hosts(tx, hostId);
    Worker worker = rows(tx).worker(hostId).orElseThrow();
    for (String tag : tags) {
      if (!HostTags.isOwn(worker, tag)) {
        hosts.addTag(hostId, tag);
      }
    }
  }

  @Override
  public void removeTags(FarmTransaction tx, String hostId, List<String> tags)
      throws SQLException {
    HostRepository hosts = hosts(tx, hostId);
    for (String tag : tags) {
      hosts.removeTag(hostId, tag);
    }
  }

  @Override
  public void renameTag(FarmTransaction tx, String hostId, String oldTag, String newTag)
      throws SQLException {
    HostRepository hosts = hosts(tx, hostId);
    if (hosts.addedTags(hostId).contains(oldTag)) {
      hosts.removeTag(hostId, oldTag);
      addTags(tx, hostId, List.of(newTag));
    }
  }

  /** UP clears what an operator set; DOWN and REPAIR hold the worker until then. */
  @Override
  public void setHardwareState(FarmTransaction tx, String hostId, HardwareState state)
      throws SQLException {
    hosts(tx, hostId).setHardwareState(hostId, state == HardwareState.UP ? "" : state.name());
  }

  /**
   * A restart is a shutdown request: the worker signs off and exits, and the service that runs
   * it starts it again. At once, {@code may-i-run} stops its running task, which goes back to
   * the queue when it signs off.
   */
  @Override
  public void reboot(FarmTransaction tx, String hostId, boolean whenIdle) throws SQLException {
    hosts(tx, hostId);
    rows(tx).requestStatus(hostId, Optional.of(WorkerStatus.SHUTDOWN), whenIdle);
  }

  @Override
  public void delete(FarmTransaction tx, String hostId) throws SQLException {
    hosts(tx, hostId).deleteWorker(hostId);
  }

  /** The host tables of an existing worker. */
  private static HostRepository hosts(FarmTransaction tx, String hostId) throws SQLException {
    if (rows(tx).worker(hostId).isEmpty()) {
      throw new FarmException(FarmException.Kind.NOT_FOUND, "host " + hostId
          + " does not exist");
    }
    return new HostRepository(tx.transaction());
  }
}
