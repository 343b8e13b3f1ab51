package dev.cuegate.worker;

import dev.cuegate.farm.EmbeddedFarm;
import dev.cuegate.farm.store.FarmTransaction;
import dev.cuegate.farm.store.FrameCommand;
import dev.cuegate.farm.store.FrameRow;
import dev.cuegate.farm.store.JobRow;
import dev.cuegate.farm.store.WaitingFrame;
import dev.cuegate.proto.job.FrameState;
import dev.cuegate.worker.Protocol.Assigned;
import dev.cuegate.worker.Protocol.Fetch;
import dev.cuegate.worker.Protocol.MayRun;
import dev.cuegate.worker.Protocol.NoTaskTypes;
import dev.cuegate.worker.Protocol.NothingToDo;
import dev.cuegate.worker.Protocol.Registration;
import dev.cuegate.worker.Protocol.SignOn;
import dev.cuegate.worker.Protocol.StatusRequested;
import dev.cuegate.worker.Protocol.Task;
import dev.cuegate.worker.Protocol.TaskUpdate;
import dev.cuegate.worker.Protocol.Visit;
import dev.cuegate.worker.Protocol.Worker;
import dev.cuegate.worker.SchedulingPolicy.Capacity;
import dev.cuegate.worker.SchedulingPolicy.Eligibility;
import dev.cuegate.worker.WorkerRepository.TaskRow;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What workers and operators do through the protocol. Every method is one farm transaction, so an
 * assignment, a failure or a re-queue changes the task and its frame together, and concurrent
 * workers never get the same task.
 */
record WorkerOperations(EmbeddedFarm farm, TaskTypes taskTypes, Ids ids, Clock clock) {
  private static final Logger log = LoggerFactory.getLogger(WorkerOperations.class);

  /**
   * Where an update's log lines go: the task log under the worker protocol's job id, and for a
   * frame Cuebot launched also the log file OpenCue's tools read.
   */
  record LogTarget(String jobId, Optional<Path> frameLog) {}

  /** Work on the worker tables in one farm transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(FarmTransaction tx, WorkerRepository rows) throws SQLException;
  }

  /** Runs {@code work} in one farm transaction. */
  <T> T transaction(Work<T> work) {
    return farm.transaction(tx -> work.run(tx, new WorkerRepository(tx.transaction())));
  }

  Worker register(Registration registration, String secretHash, Visit visit) {
    String id = ids.next();
    return transaction((tx, rows) -> {
      rows.insertWorker(id, secretHash, registration, visit, clock.millis());
      return known(rows, id);
    });
  }

  Optional<String> secretHash(String workerId) {
    return transaction((tx, rows) -> rows.secretHash(workerId));
  }

  void signOn(String workerId, SignOn signOn, Visit visit) {
    transaction((tx, rows) -> {
      Worker worker = seen(rows, workerId, visit);
      rows.signOn(workerId, signOn.nickname().orElse(worker.nickname()),
          signOn.taskTypes().orElse(worker.taskTypes()));
      // A worker that moved to a bigger machine says so when it signs on again.
      if (signOn.cores() > 0) {
        rows.setCores(workerId, signOn.cores());
      }
      if (signOn.memoryMb() > 0) {
        rows.setMemory(workerId, signOn.memoryMb());
      }
      return null;
    });
  }

  void signOff(String workerId) {
    transaction((tx, rows) -> {
      TaskEnds.requeueActive(tx, rows, workerId);
      rows.setStatus(workerId, WorkerStatus.OFFLINE);
      rows.clearCurrentTask(workerId);
      return null;
    });
  }

  Fetch fetch(String workerId, Visit visit) {
    return transaction((tx, rows) -> {
      Worker worker = seen(rows, workerId, visit);
      if (worker.statusRequested().isPresent()) {
        return new StatusRequested(worker.statusRequested().get());
      }
      if (worker.taskTypes().isEmpty()) {
        return new NoTaskTypes();
      }
      rows.setStatus(workerId, WorkerStatus.AWAKE);
      // A worker that restarted mid-task resumes it rather than leaving it to time out.
      for (TaskRow own : rows.tasks(workerId, TaskStatuses.ACTIVE)) {
        if (tx.frame(own.frameId()).state() == FrameState.RUNNING) {
          rows.setCurrentTask(workerId, own.id());
          return new Assigned(task(tx, rows, own.id()), false);
        }
      }
      HostRepository host = new HostRepository(tx.transaction());
      if (!host.hardwareState(workerId).isEmpty()) {
        // An operator put the host in REPAIR or DOWN: it finishes its task but takes no new one.
        rows.setCurrentTask(workerId, null);
        return new NothingToDo();
      }
      List<String> tags = HostTags.of(worker, host.addedTags(workerId));
      Eligibility eligibility = new Eligibility(worker.taskTypes(),
          rows.failedFrames(workerId), rows.blocklisted(workerId));
      Capacity capacity = new Capacity(worker.cores(), worker.memoryMb());
      Optional<WaitingFrame> frame = tx.firstWaiting(
          waiting -> eligibility.allows(waiting.frameId(), waiting.jobId(), taskType(waiting))
              && HostTags.admits(tags, waiting.tags())
              && capacity.fits(waiting.cores(), waiting.memoryKib()));
      if (frame.isEmpty()) {
        rows.setCurrentTask(workerId, null);
        return new NothingToDo();
      }
      String taskId = assign(tx, rows, worker, frame.get());
      return new Assigned(task(tx, rows, taskId), true);
    });
  }

  /**
   * Applies an update of the worker's task; answers where its log lines go. Status and activity
   * change only while the task is active.
   *
   * @throws WorkerException NOT_FOUND for an unknown task, CONFLICT for another worker's
   */
  LogTarget update(String workerId, String taskId, TaskUpdate update, Visit visit) {
    return transaction((tx, rows) -> {
      Worker worker = seen(rows, workerId, visit);
      TaskRow task = ownTask(rows, workerId, taskId);
      if (isRunning(tx, task)) {
        rows.updateProgress(taskId, clock.millis(), update.activity().orElse(task.activity()),
            update.progress().orElse(task.progress()));
        String status = update.status().orElse(TaskStatuses.ACTIVE);
        switch (status) {
          case TaskStatuses.ACTIVE -> { }
          case TaskStatuses.COMPLETED -> {
            tx.finishFrame(task.frameId(), 0, worker.nickname());
            rows.setTaskStatus(taskId, TaskStatuses.COMPLETED);
            rows.clearCurrentTask(workerId, taskId);
          }
          case TaskStatuses.FAILED -> {
            TaskEnds.fail(tx, rows, task, workerId, clock.millis());
            rows.clearCurrentTask(workerId, taskId);
          }
          case TaskStatuses.CANCELED -> {
            tx.requeueFrame(task.frameId(), worker.nickname());
            rows.setTaskStatus(taskId, TaskStatuses.QUEUED);
            rows.clearCurrentTask(workerId, taskId);
          }
          default -> log.warn("worker {} sent task {} status \"{}\", which a worker cannot set;"
              + " ignored", workerId, taskId, status);
        }
      }
      return new LogTarget(workerJobId(rows, task.jobId()), tx.frameLogFile(task.frameId()));
    });
  }

  /**
   * The worker gives its active task back without failing it.
   *
   * @throws WorkerException NOT_FOUND for an unknown task, CONFLICT for another worker's
   */
  void returnTask(String workerId, String taskId, Visit visit) {
    transaction((tx, rows) -> {
      Worker worker = seen(rows, workerId, visit);
      TaskRow task = ownTask(rows, workerId, taskId);
      if (isRunning(tx, task)) {
        tx.requeueFrame(task.frameId(), worker.nickname());
        rows.setTaskStatus(taskId, TaskStatuses.QUEUED);
        rows.clearCurrentTask(workerId, taskId);
      }
      return null;
    });
  }

  MayRun mayRun(String workerId, String taskId, Visit visit) {
    return transaction((tx, rows) -> {
      Worker worker = seen(rows, workerId, visit);
      Optional<WorkerStatus> requested = worker.statusRequested();
      Optional<TaskRow> task = rows.task(taskId);
      if (task.isEmpty()) {
        return new MayRun(false, "task " + taskId + " is unknown", requested);
      }
      if (!workerId.equals(task.get().workerId())) {
        return new MayRun(false, "task " + taskId + " is assigned to another worker", requested);
      }
      String status = shownStatus(tx, task.get());
      if (!status.equals(TaskStatuses.ACTIVE)) {
        return new MayRun(false, "task " + taskId + " is " + status, requested);
      }
      if (requested.isPresent() && !worker.lazyStatusRequest()
          && requested.get() != WorkerStatus.AWAKE) {
        return new MayRun(false, "the worker is asked to go " + requested.get().wire() + " now",
            requested);
      }
      return new MayRun(true, "", requested);
    });
  }

  Optional<WorkerStatus> statusChange(String workerId, Visit visit) {
    return transaction((tx, rows) -> seen(rows, workerId, visit).statusRequested());
  }

  /** The worker took {@code status}; shutting down changes nothing until it signs off. */
  void acknowledge(String workerId, WorkerStatus status) {
    transaction((tx, rows) -> {
      Worker worker = known(rows, workerId);
      boolean requested = worker.statusRequested().equals(Optional.of(status));
      if (!requested) {
        log.warn("worker {} acknowledged status \"{}\", but \"{}\" was requested", workerId,
            status.wire(), worker.statusRequested().map(WorkerStatus::wire).orElse(""));
      }
      rows.setStatus(workerId, status == WorkerStatus.SHUTDOWN ? worker.status() : status,
          requested ? Optional.empty() : worker.statusRequested(),
          !requested && worker.lazyStatusRequest());
      return null;
    });
  }

  /** Whether the job with the worker-facing id {@code jobId} has the task {@code taskId}. */
  boolean hasTask(String jobId, String taskId) {
    return transaction((tx, rows) -> rows.hasTask(jobId, taskId));
  }

  /** @throws WorkerException UNAUTHENTICATED for an unknown worker */
  Worker worker(String workerId) {
    return transaction((tx, rows) -> known(rows, workerId));
  }

  /** Every registered worker, by nickname. */
  List<Worker> workers() {
    return transaction((tx, rows) -> rows.workers());
  }

  /**
   * An operator asks the worker to take {@code status}: {@code lazy} once its task is done.
   *
   * @throws WorkerException NOT_FOUND for an unknown worker
   */
  void requestStatus(String workerId, WorkerStatus status, boolean lazy) {
    transaction((tx, rows) -> {
      if (!rows.requestStatus(workerId, Optional.of(status), lazy)) {
        throw new WorkerException(WorkerException.Kind.NOT_FOUND,
            "worker " + workerId + " does not exist");
      }
      return null;
    });
  }

  // Tasks

  private String taskType(WaitingFrame frame) {
    return taskTypes.of(frame.services(), frame.layerType().name());
  }

  private String assign(FarmTransaction tx, WorkerRepository rows, Worker worker,
      WaitingFrame frame) throws SQLException {
    String workerId = worker.id();
    long now = clock.millis();
    String type = taskType(frame);
    Optional<TaskRow> existing = rows.taskOfFrame(frame.frameId());
    String taskId;
    if (existing.isEmpty()) {
      taskId = ids.next();
      rows.insertTask(taskId, frame.frameId(), frame.jobId(), type, TaskStatuses.ACTIVE,
          workerId, now);
    } else {
      taskId = existing.get().id();
      if (existing.get().status().equals(TaskStatuses.FAILED)) {
        // An operator retried the failed frame: every worker may try it again.
        rows.forgetFailures(taskId);
      }
      rows.reassignTask(taskId, type, TaskStatuses.ACTIVE, workerId, now);
    }
    workerJobId(rows, frame.jobId());
    tx.startFrame(frame.frameId(), worker.nickname());
    rows.setCurrentTask(workerId, taskId);
    return taskId;
  }

  private Task task(FarmTransaction tx, WorkerRepository rows, String taskId)
      throws SQLException {
    TaskRow task = rows.task(taskId).orElseThrow();
    FrameRow frame = tx.frame(task.frameId());
    JobRow job = tx.job(task.jobId());
    FrameCommand command = tx.command(task.frameId());
    String worker = task.workerId() == null ? "" : known(rows, task.workerId()).nickname();
    return new Task(taskId, workerJobId(rows, task.jobId()), frame.name(),
        TaskStatuses.shown(task.status(), frame.state(), job.state(), job.paused()),
        job.priority(), task.taskType(), command.command(), command.environment(),
        task.activity(), worker, rows.failedByWorkers(taskId));
  }

  private static String shownStatus(FarmTransaction tx, TaskRow task) throws SQLException {
    JobRow job = tx.job(task.jobId());
    return TaskStatuses.shown(task.status(), tx.frame(task.frameId()).state(), job.state(),
        job.paused());
  }

  private static boolean isRunning(FarmTransaction tx, TaskRow task) throws SQLException {
    return TaskStatuses.running(task.status(), tx.frame(task.frameId()).state());
  }

  private static TaskRow ownTask(WorkerRepository rows, String workerId, String taskId)
      throws SQLException {
    TaskRow task = rows.task(taskId).orElseThrow(() -> new WorkerException(
        WorkerException.Kind.NOT_FOUND, "task " + taskId + " does not exist"));
    if (!workerId.equals(task.workerId())) {
      throw new WorkerException(WorkerException.Kind.CONFLICT,
          "task " + taskId + " is assigned to another worker");
    }
    return task;
  }

  /** The 24-hex id workers see for the farm's job {@code farmJobId}; made on first use. */
  private String workerJobId(WorkerRepository rows, String farmJobId) throws SQLException {
    Optional<String> known = rows.workerJobId(farmJobId);
    if (known.isPresent()) {
      return known.get();
    }
    String id = ids.next();
    rows.insertWorkerJob(id, farmJobId);
    return id;
  }

  // Workers

  /** Records the worker's last activity, address and software; answers the worker. */
  private Worker seen(WorkerRepository rows, String workerId, Visit visit) throws SQLException {
    rows.touch(workerId, visit, clock.millis());
    return known(rows, workerId);
  }

  private static Worker known(WorkerRepository rows, String workerId) throws SQLException {
    return rows.worker(workerId).orElseThrow(() -> new WorkerException(
        WorkerException.Kind.UNAUTHENTICATED, "worker " + workerId + " is unknown"));
  }
}
