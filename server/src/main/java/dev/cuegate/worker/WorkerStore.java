package dev.cuegate.worker;

import static dev.cuegate.worker.Protocol.ACTIVE;
import static dev.cuegate.worker.Protocol.AWAKE;
import static dev.cuegate.worker.Protocol.CANCELED;
import static dev.cuegate.worker.Protocol.COMPLETED;
import static dev.cuegate.worker.Protocol.FAILED;
import static dev.cuegate.worker.Protocol.OFFLINE;
import static dev.cuegate.worker.Protocol.PAUSED;
import static dev.cuegate.worker.Protocol.QUEUED;
import static dev.cuegate.worker.Protocol.SHUTDOWN;
import static dev.cuegate.worker.Protocol.SOFT_FAILED;
import static dev.cuegate.worker.Protocol.STARTING;
import static dev.cuegate.worker.Protocol.TIMEOUT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuegate.farm.EmbeddedFarm;
import dev.cuegate.farm.store.FarmTransaction;
import dev.cuegate.farm.store.FrameCommand;
import dev.cuegate.farm.store.FrameRow;
import dev.cuegate.farm.store.JobRow;
import dev.cuegate.farm.store.Sql;
import dev.cuegate.proto.job.FrameState;
import dev.cuegate.proto.job.JobState;
import dev.cuegate.worker.Protocol.Assigned;
import dev.cuegate.worker.Protocol.FailedBy;
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
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Workers and their tasks in the farm's database, with Flamenco's scheduling and failure rules.
 * Every method is one farm transaction, so an assignment, a failure or a re-queue changes the
 * task and its frame together, and concurrent workers never get the same task.
 */
final class WorkerStore {
  private static final Logger log = LoggerFactory.getLogger(WorkerStore.class);
  /** A worker that failed this many tasks of a job's task type gets no more of them. */
  static final int FAILURES_BEFORE_BLOCKLIST = 3;
  /** A task that this many workers failed fails for good. */
  static final int WORKERS_BEFORE_FAILED = 3;
  /** An awake worker silent this long has timed out; its tasks go back to the queue. */
  static final Duration WORKER_TIMEOUT = Duration.ofMinutes(1);
  /** An active task without an update this long has failed. */
  static final Duration TASK_TIMEOUT = Duration.ofMinutes(10);
  /** The exit status a failed task gives its frame: any failure counts as a retry. */
  private static final int FAILURE_EXIT_STATUS = 1;
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * Waiting frames in the order workers get them: job priority (which is also the task's), then
   * the oldest job, then OpenCue's dispatch order within the job.
   */
  private static final String CANDIDATES =
      "SELECT f.id AS frame_id, f.job_id, l.services, l.layer_type, t.id AS task_id,"
          + " t.status AS task_status FROM frame f JOIN job j ON j.id = f.job_id"
          + " JOIN layer l ON l.id = f.layer_id LEFT JOIN worker_task t ON t.frame_id = f.id"
          + " WHERE f.state = ? AND j.state = ? AND j.paused = ?"
          + " ORDER BY j.priority DESC, j.start_time, j.id, f.dispatch_order, l.dispatch_order";

  private record TaskRow(
      String id, String frameId, String jobId, String taskType, String status, String workerId,
      String activity, int progress) {}

  private record Candidate(
      String frameId, String jobId, String taskType, String taskId, String taskStatus) {}

  /**
   * Where an update's log lines go: the task log under the worker protocol's job id, and for a
   * frame Cuebot launched also the log file OpenCue's tools read.
   */
  record LogTarget(String jobId, Optional<Path> frameLog) {}

  /** What a sweep changed. */
  record Swept(int workersTimedOut, int tasksFailed) {}

  private final EmbeddedFarm farm;
  private final TaskTypes taskTypes;
  private final Ids ids;
  private final Clock clock;

  WorkerStore(EmbeddedFarm farm, TaskTypes taskTypes, Ids ids, Clock clock) {
    this.farm = farm;
    this.taskTypes = taskTypes;
    this.ids = ids;
    this.clock = clock;
  }

  Worker register(Registration registration, String secretHash, Visit visit) {
    String id = ids.next();
    return farm.transaction(tx -> {
      Sql.update(tx.connection(), "INSERT INTO worker (id, secret_hash, nickname, platform,"
              + " supported_task_types, software, address, status, status_requested,"
              + " lazy_status_request, current_task, cores, memory_mb, registered, last_activity)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, 0)",
          id, secretHash, registration.nickname(), registration.platform(),
          json(registration.taskTypes()), visit.software(), visit.address(), OFFLINE, "", false,
          registration.cores(), registration.memoryMb(), clock.millis());
      return worker(tx.connection(), id);
    });
  }

  Optional<String> secretHash(String workerId) {
    return farm.transaction(tx -> Sql.one(tx.connection(),
        "SELECT secret_hash FROM worker WHERE id = ?", row -> row.getString(1), workerId));
  }

  void signOn(String workerId, SignOn signOn, Visit visit) {
    farm.transaction(tx -> {
      Connection c = tx.connection();
      Worker worker = seen(c, workerId, visit);
      Sql.update(c, "UPDATE worker SET status = ?, current_task = NULL, nickname = ?,"
              + " supported_task_types = ? WHERE id = ?",
          STARTING, signOn.nickname().orElse(worker.nickname()),
          json(signOn.taskTypes().orElse(worker.taskTypes())), workerId);
      // A worker that moved to a bigger machine says so when it signs on again.
      if (signOn.cores() > 0) {
        Sql.update(c, "UPDATE worker SET cores = ? WHERE id = ?", signOn.cores(), workerId);
      }
      if (signOn.memoryMb() > 0) {
        Sql.update(c, "UPDATE worker SET memory_mb = ? WHERE id = ?", signOn.memoryMb(),
            workerId);
      }
      return null;
    });
  }

  void signOff(String workerId) {
    farm.transaction(tx -> {
      requeueActive(tx, workerId);
      Sql.update(tx.connection(), "UPDATE worker SET status = ?, current_task = NULL"
          + " WHERE id = ?", OFFLINE, workerId);
      return null;
    });
  }

  Fetch fetch(String workerId, Visit visit) {
    return farm.transaction(tx -> {
      Connection c = tx.connection();
      Worker worker = seen(c, workerId, visit);
      if (!worker.statusRequested().isEmpty()) {
        return new StatusRequested(worker.statusRequested());
      }
      if (worker.taskTypes().isEmpty()) {
        return new NoTaskTypes();
      }
      Sql.update(c, "UPDATE worker SET status = ? WHERE id = ?", AWAKE, workerId);
      // A worker that restarted mid-task resumes it rather than leaving it to time out.
      Optional<String> own = Sql.one(c, "SELECT t.id FROM worker_task t JOIN frame f"
              + " ON f.id = t.frame_id WHERE t.worker_id = ? AND t.status = ? AND f.state = ?"
              + " ORDER BY t.last_update",
          row -> row.getString(1), workerId, ACTIVE, FrameState.RUNNING.name());
      if (own.isPresent()) {
        setCurrentTask(c, workerId, own.get());
        return new Assigned(task(tx, own.get()), false);
      }
      Optional<Candidate> candidate = pick(c, worker);
      if (candidate.isEmpty()) {
        setCurrentTask(c, workerId, null);
        return new NothingToDo();
      }
      String taskId = assign(tx, workerId, candidate.get());
      return new Assigned(task(tx, taskId), true);
    });
  }

  /**
   * Applies an update of the worker's task; answers where its log lines go. Status and activity
   * change only while the task is active.
   *
   * @throws WorkerException 404 for an unknown task, 409 for another worker's
   */
  LogTarget update(String workerId, String taskId, TaskUpdate update, Visit visit) {
    return farm.transaction(tx -> {
      Connection c = tx.connection();
      seen(c, workerId, visit);
      TaskRow task = ownTask(c, workerId, taskId);
      if (isActive(tx, task)) {
        Sql.update(c, "UPDATE worker_task SET last_update = ?, activity = ?, progress = ?"
                + " WHERE id = ?",
            clock.millis(), update.activity().orElse(task.activity()),
            update.progress().orElse(task.progress()), taskId);
        String status = update.status().orElse(ACTIVE);
        switch (status) {
          case ACTIVE -> { }
          case COMPLETED -> {
            tx.finishFrame(task.frameId(), 0);
            setStatus(c, taskId, COMPLETED);
            clearCurrentTask(c, workerId, taskId);
          }
          case FAILED -> {
            fail(tx, task, workerId);
            clearCurrentTask(c, workerId, taskId);
          }
          case CANCELED -> {
            tx.requeueFrame(task.frameId());
            setStatus(c, taskId, QUEUED);
            clearCurrentTask(c, workerId, taskId);
          }
          default -> log.warn("worker {} sent task {} status \"{}\", which a worker cannot set;"
              + " ignored", workerId, taskId, status);
        }
      }
      return new LogTarget(jobId(c, task.jobId()), tx.externalLogFile(task.frameId()));
    });
  }

  /**
   * The worker gives its active task back without failing it.
   *
   * @throws WorkerException 404 for an unknown task, 409 for another worker's
   */
  void returnTask(String workerId, String taskId, Visit visit) {
    farm.transaction(tx -> {
      Connection c = tx.connection();
      seen(c, workerId, visit);
      TaskRow task = ownTask(c, workerId, taskId);
      if (isActive(tx, task)) {
        tx.requeueFrame(task.frameId());
        setStatus(c, taskId, QUEUED);
        clearCurrentTask(c, workerId, taskId);
      }
      return null;
    });
  }

  MayRun mayRun(String workerId, String taskId, Visit visit) {
    return farm.transaction(tx -> {
      Connection c = tx.connection();
      Worker worker = seen(c, workerId, visit);
      String requested = worker.statusRequested();
      Optional<TaskRow> task = taskRow(c, taskId);
      if (task.isEmpty()) {
        return new MayRun(false, "task " + taskId + " is unknown", requested);
      }
      if (!workerId.equals(task.get().workerId())) {
        return new MayRun(false, "task " + taskId + " is assigned to another worker", requested);
      }
      TaskRow row = task.get();
      String status = status(row, tx.frame(row.frameId()), tx.job(row.jobId()));
      if (!status.equals(ACTIVE)) {
        return new MayRun(false, "task " + taskId + " is " + status, requested);
      }
      if (!requested.isEmpty() && !worker.lazyStatusRequest() && !requested.equals(AWAKE)) {
        return new MayRun(false, "the worker is asked to go " + requested + " now", requested);
      }
      return new MayRun(true, "", requested);
    });
  }

  Optional<String> statusChange(String workerId, Visit visit) {
    return farm.transaction(tx -> {
      String requested = seen(tx.connection(), workerId, visit).statusRequested();
      return requested.isEmpty() ? Optional.<String>empty() : Optional.of(requested);
    });
  }

  /** The worker took {@code status}; shutting down changes nothing until it signs off. */
  void acknowledge(String workerId, String status) {
    farm.transaction(tx -> {
      Connection c = tx.connection();
      Worker worker = worker(c, workerId);
      boolean requested = status.equals(worker.statusRequested());
      if (!requested) {
        log.warn("worker {} acknowledged status \"{}\", but \"{}\" was requested", workerId,
            status, worker.statusRequested());
      }
      Sql.update(c, "UPDATE worker SET status = ?, status_requested = ?,"
              + " lazy_status_request = ? WHERE id = ?",
          status.equals(SHUTDOWN) ? worker.status() : status,
          requested ? "" : worker.statusRequested(),
          !requested && worker.lazyStatusRequest(), workerId);
      return null;
    });
  }

  /** Whether the job with the worker-facing id {@code jobId} has the task {@code taskId}. */
  boolean hasTask(String jobId, String taskId) {
    return farm.transaction(tx -> Sql.one(tx.connection(), "SELECT t.id FROM worker_task t"
            + " JOIN worker_job j ON j.job_id = t.job_id WHERE t.id = ? AND j.id = ?",
        row -> row.getString(1), taskId, jobId).isPresent());
  }

  /** Times out silent workers (re-queuing their tasks) and fails tasks nobody reports on. */
  Swept sweep() {
    long now = clock.millis();
    return farm.transaction(tx -> {
      Connection c = tx.connection();
      List<String> silent = Sql.list(c, "SELECT id FROM worker WHERE status = ?"
              + " AND last_activity < ?",
          row -> row.getString(1), AWAKE, now - WORKER_TIMEOUT.toMillis());
      for (String workerId : silent) {
        log.warn("worker {} has been silent for {}: timed out, its tasks go back to the queue",
            workerId, WORKER_TIMEOUT);
        requeueActive(tx, workerId);
        Sql.update(c, "UPDATE worker SET status = ?, current_task = NULL WHERE id = ?", TIMEOUT,
            workerId);
      }
      List<TaskRow> stale = Sql.list(c, "SELECT t.* FROM worker_task t JOIN frame f"
              + " ON f.id = t.frame_id WHERE t.status = ? AND f.state = ? AND t.last_update < ?",
          WorkerStore::taskRow, ACTIVE, FrameState.RUNNING.name(), now - TASK_TIMEOUT.toMillis());
      for (TaskRow task : stale) {
        log.warn("task {} has had no update for {}: failed", task.id(), TASK_TIMEOUT);
        fail(tx, task, task.workerId());
        clearCurrentTask(c, task.workerId(), task.id());
      }
      return new Swept(silent.size(), stale.size());
    });
  }

  // Scheduling

  /** The first waiting frame this worker may run (docs/WORKERS.md, "Scheduling"), if any. */
  private Optional<Candidate> pick(Connection c, Worker worker) throws SQLException {
    // A failure by this worker counts until an operator retries the failed task.
    Set<String> failed = new HashSet<>(Sql.list(c, "SELECT t.frame_id FROM worker_task_failure x"
            + " JOIN worker_task t ON t.id = x.task_id WHERE x.worker_id = ? AND t.status <> ?",
        row -> row.getString(1), worker.id(), FAILED));
    Set<String> blocked = new HashSet<>(Sql.list(c, "SELECT job_id, task_type FROM"
            + " worker_blocklist WHERE worker_id = ?",
        row -> row.getString(1) + "/" + row.getString(2), worker.id()));
    try (PreparedStatement statement = Sql.prepare(c, CANDIDATES, FrameState.WAITING.name(),
            JobState.PENDING.name(), false);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        String frameId = rows.getString("frame_id");
        String jobId = rows.getString("job_id");
        String type = taskTypes.of(list(rows.getString("services")), rows.getString("layer_type"));
        if (worker.taskTypes().contains(type) && !blocked.contains(jobId + "/" + type)
            && !failed.contains(frameId)) {
          return Optional.of(new Candidate(frameId, jobId, type, rows.getString("task_id"),
              rows.getString("task_status")));
        }
      }
    }
    return Optional.empty();
  }

  private String assign(FarmTransaction tx, String workerId, Candidate candidate)
      throws SQLException {
    Connection c = tx.connection();
    long now = clock.millis();
    String taskId = candidate.taskId();
    if (taskId == null) {
      taskId = ids.next();
      Sql.update(c, "INSERT INTO worker_task (id, frame_id, job_id, task_type, status,"
              + " worker_id, activity, progress, last_update) VALUES (?, ?, ?, ?, ?, ?, '', 0, ?)",
          taskId, candidate.frameId(), candidate.jobId(), candidate.taskType(), ACTIVE, workerId,
          now);
    } else {
      if (FAILED.equals(candidate.taskStatus())) {
        // An operator retried the failed frame: every worker may try it again.
        Sql.update(c, "DELETE FROM worker_task_failure WHERE task_id = ?", taskId);
      }
      Sql.update(c, "UPDATE worker_task SET task_type = ?, status = ?, worker_id = ?,"
              + " activity = '', progress = 0, last_update = ? WHERE id = ?",
          candidate.taskType(), ACTIVE, workerId, now, taskId);
    }
    jobId(c, candidate.jobId());
    tx.startFrame(candidate.frameId());
    setCurrentTask(c, workerId, taskId);
    return taskId;
  }

  /**
   * Flamenco's failure rules on top of OpenCue's retries: the worker is remembered as having
   * failed the task (and blocklisted for the job's task type at the third such task); the frame
   * uses a retry; a task that is not dead yet is soft-failed for other workers, unless three
   * workers failed it or no worker is left that may run it.
   */
  private void fail(FarmTransaction tx, TaskRow task, String workerId) throws SQLException {
    Connection c = tx.connection();
    boolean known = Sql.one(c, "SELECT task_id FROM worker_task_failure WHERE task_id = ?"
        + " AND worker_id = ?", row -> 1, task.id(), workerId).isPresent();
    if (!known) {
      Sql.update(c, "INSERT INTO worker_task_failure (task_id, worker_id, job_id, task_type)"
          + " VALUES (?, ?, ?, ?)", task.id(), workerId, task.jobId(), task.taskType());
    }
    int failures = count(c, "SELECT COUNT(*) FROM worker_task_failure WHERE worker_id = ?"
        + " AND job_id = ? AND task_type = ?", workerId, task.jobId(), task.taskType());
    boolean blocked = count(c, "SELECT COUNT(*) FROM worker_blocklist WHERE worker_id = ?"
        + " AND job_id = ? AND task_type = ?", workerId, task.jobId(), task.taskType()) > 0;
    if (failures >= FAILURES_BEFORE_BLOCKLIST && !blocked) {
      log.warn("worker {} failed {} tasks of type {} of job {}: blocklisted for them", workerId,
          failures, task.taskType(), task.jobId());
      Sql.update(c, "INSERT INTO worker_blocklist (worker_id, job_id, task_type, created)"
          + " VALUES (?, ?, ?, ?)", workerId, task.jobId(), task.taskType(), clock.millis());
    }
    FrameState frame = tx.finishFrame(task.frameId(), FAILURE_EXIT_STATUS);
    String status = FAILED;
    if (frame == FrameState.WAITING) {
      int failedBy = count(c, "SELECT COUNT(*) FROM worker_task_failure WHERE task_id = ?",
          task.id());
      if (failedBy >= WORKERS_BEFORE_FAILED || !anyWorkerLeft(c, task)) {
        tx.giveUpFrame(task.frameId());
      } else {
        status = SOFT_FAILED;
      }
    }
    setStatus(c, task.id(), status);
  }

  /** Whether a registered worker supports the task's type and has neither failed nor is blocked. */
  private static boolean anyWorkerLeft(Connection c, TaskRow task) throws SQLException {
    Set<String> excluded = new HashSet<>(Sql.list(c, "SELECT worker_id FROM worker_task_failure"
        + " WHERE task_id = ?", row -> row.getString(1), task.id()));
    excluded.addAll(Sql.list(c, "SELECT worker_id FROM worker_blocklist WHERE job_id = ?"
        + " AND task_type = ?", row -> row.getString(1), task.jobId(), task.taskType()));
    for (Worker worker : Sql.list(c, "SELECT * FROM worker", WorkerStore::worker)) {
      if (!excluded.contains(worker.id()) && worker.taskTypes().contains(task.taskType())) {
        return true;
      }
    }
    return false;
  }

  /** The worker's active tasks go back to the queue without counting as failures. */
  private void requeueActive(FarmTransaction tx, String workerId) throws SQLException {
    Connection c = tx.connection();
    for (TaskRow task : Sql.list(c, "SELECT * FROM worker_task WHERE worker_id = ?"
        + " AND status = ?", WorkerStore::taskRow, workerId, ACTIVE)) {
      if (tx.frame(task.frameId()).state() == FrameState.RUNNING) {
        tx.requeueFrame(task.frameId());
      }
      setStatus(c, task.id(), QUEUED);
    }
  }

  // Tasks

  private Task task(FarmTransaction tx, String taskId) throws SQLException {
    Connection c = tx.connection();
    TaskRow task = taskRow(c, taskId).orElseThrow();
    FrameRow frame = tx.frame(task.frameId());
    JobRow job = tx.job(task.jobId());
    FrameCommand command = tx.command(task.frameId());
    List<FailedBy> failedBy = Sql.list(c, "SELECT w.id, w.nickname FROM worker_task_failure x"
            + " JOIN worker w ON w.id = x.worker_id WHERE x.task_id = ? ORDER BY w.nickname, w.id",
        row -> new FailedBy(row.getString(1), row.getString(2)), taskId);
    String worker = task.workerId() == null ? "" : worker(c, task.workerId()).nickname();
    return new Task(taskId, jobId(c, task.jobId()), frame.name(), status(task, frame, job),
        job.priority(), task.taskType(), command.command(),
        command.environment(), task.activity(), worker, failedBy);
  }

  /** The task's status in Flamenco's terms, following its frame's OpenCue state. */
  private static String status(TaskRow task, FrameRow frame, JobRow job) {
    return switch (frame.state()) {
      case RUNNING -> task.status().equals(ACTIVE) ? ACTIVE : QUEUED;
      case SUCCEEDED -> COMPLETED;
      case DEAD -> FAILED;
      case EATEN -> CANCELED;
      case WAITING -> job.state() == JobState.FINISHED ? CANCELED
          : job.paused() ? PAUSED
          : task.status().equals(SOFT_FAILED) ? SOFT_FAILED : QUEUED;
      default -> QUEUED;
    };
  }

  private static boolean isActive(FarmTransaction tx, TaskRow task) throws SQLException {
    return task.status().equals(ACTIVE)
        && tx.frame(task.frameId()).state() == FrameState.RUNNING;
  }

  private static TaskRow ownTask(Connection c, String workerId, String taskId)
      throws SQLException {
    TaskRow task = taskRow(c, taskId)
        .orElseThrow(() -> new WorkerException(404, "task " + taskId + " does not exist"));
    if (!workerId.equals(task.workerId())) {
      throw new WorkerException(409, "task " + taskId + " is assigned to another worker");
    }
    return task;
  }

  private static Optional<TaskRow> taskRow(Connection c, String taskId) throws SQLException {
    return Sql.one(c, "SELECT * FROM worker_task WHERE id = ?", WorkerStore::taskRow, taskId);
  }

  private static TaskRow taskRow(ResultSet row) throws SQLException {
    return new TaskRow(row.getString("id"), row.getString("frame_id"), row.getString("job_id"),
        row.getString("task_type"), row.getString("status"), row.getString("worker_id"),
        row.getString("activity"), row.getInt("progress"));
  }

  private static void setStatus(Connection c, String taskId, String status) throws SQLException {
    Sql.update(c, "UPDATE worker_task SET status = ? WHERE id = ?", status, taskId);
  }

  /** The 24-hex id workers see for the farm's job {@code jobId}; made on first use. */
  private String jobId(Connection c, String farmJobId) throws SQLException {
    Optional<String> known = Sql.one(c, "SELECT id FROM worker_job WHERE job_id = ?",
        row -> row.getString(1), farmJobId);
    if (known.isPresent()) {
      return known.get();
    }
    String id = ids.next();
    Sql.update(c, "INSERT INTO worker_job (id, job_id) VALUES (?, ?)", id, farmJobId);
    return id;
  }

  // Workers

  /** Records the worker's last activity, address and software; answers the worker. */
  private Worker seen(Connection c, String workerId, Visit visit) throws SQLException {
    Sql.update(c, "UPDATE worker SET last_activity = ?, address = ?, software = ? WHERE id = ?",
        clock.millis(), visit.address(), visit.software(), workerId);
    return worker(c, workerId);
  }

  Worker worker(String workerId) {
    return farm.transaction(tx -> worker(tx.connection(), workerId));
  }

  /** Every registered worker, by nickname. */
  List<Worker> workers() {
    return farm.transaction(tx -> Sql.list(tx.connection(),
        "SELECT * FROM worker ORDER BY nickname, id", WorkerStore::worker));
  }

  /**
   * An operator asks the worker to take {@code status}: {@code lazy} once its task is done.
   *
   * @throws WorkerException 404 for an unknown worker
   */
  void requestStatus(String workerId, String status, boolean lazy) {
    farm.transaction(tx -> {
      int updated = Sql.update(tx.connection(), "UPDATE worker SET status_requested = ?,"
          + " lazy_status_request = ? WHERE id = ?", status, lazy, workerId);
      if (updated == 0) {
        throw new WorkerException(404, "worker " + workerId + " does not exist");
      }
      return null;
    });
  }

  private static Worker worker(Connection c, String workerId) throws SQLException {
    return Sql.one(c, "SELECT * FROM worker WHERE id = ?", WorkerStore::worker, workerId)
        .orElseThrow(() -> new WorkerException(401, "worker " + workerId + " is unknown"));
  }

  private static Worker worker(ResultSet row) throws SQLException {
    return new Worker(row.getString("id"), row.getString("nickname"), row.getString("address"),
        row.getString("status"), row.getString("platform"),
        list(row.getString("supported_task_types")), row.getString("software"),
        row.getString("status_requested"), row.getBoolean("lazy_status_request"),
        Optional.ofNullable(row.getString("current_task")), row.getLong("last_activity"));
  }

  private static void setCurrentTask(Connection c, String workerId, String taskId)
      throws SQLException {
    Sql.update(c, "UPDATE worker SET current_task = ? WHERE id = ?", taskId, workerId);
  }

  private static void clearCurrentTask(Connection c, String workerId, String taskId)
      throws SQLException {
    Sql.update(c, "UPDATE worker SET current_task = NULL WHERE id = ? AND current_task = ?",
        workerId, taskId);
  }

  private static int count(Connection c, String sql, Object... args) throws SQLException {
    return Sql.one(c, sql, row -> row.getInt(1), args).orElse(0);
  }

  private static String json(List<String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not storable as JSON: " + values, e);
    }
  }

  private static List<String> list(String json) throws SQLException {
    try {
      return List.of(JSON.readValue(json, String[].class));
    } catch (JsonProcessingException e) {
      throw new SQLException("corrupt list column: " + json, e);
    }
  }
}
