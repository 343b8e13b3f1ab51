package dev.cuegate.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuegate.db.Sql;
import dev.cuegate.db.Transaction;
import dev.cuegate.worker.Protocol.FailedBy;
import dev.cuegate.worker.Protocol.Registration;
import dev.cuegate.worker.Protocol.Visit;
import dev.cuegate.worker.Protocol.Worker;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The worker protocol's tables (workers, their tasks, failures and blocklist, worker-facing job
 * ids), read and written inside one transaction. SQL only: what the rows mean is decided
 * elsewhere.
 */
final class WorkerRepository {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A task as stored: the frame it runs and who runs it. */
  record TaskRow(
      String id, String frameId, String jobId, String taskType, String status, String workerId,
      String activity, int progress) {}

  private final Transaction tx;

  WorkerRepository(Transaction tx) {
    this.tx = tx;
  }

  // Workers

  void insertWorker(String id, String secretHash, Registration registration, Visit visit,
      long now) throws SQLException {
    Sql.update(tx, "INSERT INTO worker (id, secret_hash, nickname, platform,"
            + " supported_task_types, software, address, status, status_requested,"
            + " lazy_status_request, current_task, cores, memory_mb, registered, last_activity)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, 0)",
        id, secretHash, registration.nickname(), registration.platform(),
        json(registration.taskTypes()), visit.software(), visit.address(),
        WorkerStatus.OFFLINE.wire(), "", false, registration.cores(), registration.memoryMb(),
        now);
  }

  Optional<String> secretHash(String workerId) throws SQLException {
    return Sql.one(tx, "SELECT secret_hash FROM worker WHERE id = ?", row -> row.getString(1),
        workerId);
  }

  Optional<Worker> worker(String workerId) throws SQLException {
    return Sql.one(tx, "SELECT * FROM worker WHERE id = ?", WorkerRepository::worker, workerId);
  }

  /** Every registered worker, by nickname. */
  List<Worker> workers() throws SQLException {
    return Sql.list(tx, "SELECT * FROM worker ORDER BY nickname, id", WorkerRepository::worker);
  }

  /** Records the worker's last activity, address and software. */
  void touch(String workerId, Visit visit, long now) throws SQLException {
    Sql.update(tx, "UPDATE worker SET last_activity = ?, address = ?, software = ? WHERE id = ?",
        now, visit.address(), visit.software(), workerId);
  }

  void signOn(String workerId, String nickname, List<String> taskTypes) throws SQLException {
    Sql.update(tx, "UPDATE worker SET status = ?, current_task = NULL, nickname = ?,"
            + " supported_task_types = ? WHERE id = ?",
        WorkerStatus.STARTING.wire(), nickname, json(taskTypes), workerId);
  }

  void setCores(String workerId, int cores) throws SQLException {
    Sql.update(tx, "UPDATE worker SET cores = ? WHERE id = ?", cores, workerId);
  }

  void setMemory(String workerId, long memoryMb) throws SQLException {
    Sql.update(tx, "UPDATE worker SET memory_mb = ? WHERE id = ?", memoryMb, workerId);
  }

  void setStatus(String workerId, WorkerStatus status) throws SQLException {
    Sql.update(tx, "UPDATE worker SET status = ? WHERE id = ?", status.wire(), workerId);
  }

  /** The worker's status and the request it has not taken yet (empty: none). */
  void setStatus(String workerId, WorkerStatus status, Optional<WorkerStatus> requested,
      boolean lazy) throws SQLException {
    Sql.update(tx, "UPDATE worker SET status = ?, status_requested = ?,"
            + " lazy_status_request = ? WHERE id = ?",
        status.wire(), requested.map(WorkerStatus::wire).orElse(""), lazy, workerId);
  }

  /** @return false when there is no such worker */
  boolean requestStatus(String workerId, Optional<WorkerStatus> requested, boolean lazy)
      throws SQLException {
    return Sql.update(tx, "UPDATE worker SET status_requested = ?, lazy_status_request = ?"
        + " WHERE id = ?", requested.map(WorkerStatus::wire).orElse(""), lazy, workerId) > 0;
  }

  void setCurrentTask(String workerId, String taskId) throws SQLException {
    Sql.update(tx, "UPDATE worker SET current_task = ? WHERE id = ?", taskId, workerId);
  }

  /** Clears the worker's current task when it still is {@code taskId}. */
  void clearCurrentTask(String workerId, String taskId) throws SQLException {
    Sql.update(tx, "UPDATE worker SET current_task = NULL WHERE id = ? AND current_task = ?",
        workerId, taskId);
  }

  void clearCurrentTask(String workerId) throws SQLException {
    Sql.update(tx, "UPDATE worker SET current_task = NULL WHERE id = ?", workerId);
  }

  /** Workers with {@code status} whose last activity is older than {@code before}. */
  List<String> silentWorkers(WorkerStatus status, long before) throws SQLException {
    return Sql.list(tx, "SELECT id FROM worker WHERE status = ? AND last_activity < ?",
        row -> row.getString(1), status.wire(), before);
  }

  /** The workers with one of {@code statuses}. */
  List<Worker> workers(Set<WorkerStatus> statuses) throws SQLException {
    return Sql.list(tx, "SELECT * FROM worker WHERE status IN (" + marks(statuses) + ")",
        WorkerRepository::worker, arguments(List.of(), statuses).toArray());
  }

  /**
   * The workers with one of {@code statuses} that are asked for nothing, run no active task and
   * are not blocklisted for the job {@code jobId}.
   */
  List<Worker> idleWorkers(Set<WorkerStatus> statuses, String jobId) throws SQLException {
    List<Object> args = arguments(List.of(), statuses);
    args.add(TaskStatuses.ACTIVE);
    args.add(jobId);
    return Sql.list(tx, "SELECT * FROM worker w WHERE w.status IN (" + marks(statuses)
        + ") AND w.status_requested = '' AND NOT EXISTS (SELECT 1 FROM worker_task t"
        + " WHERE t.worker_id = w.id AND t.status = ?) AND NOT EXISTS (SELECT 1 FROM"
        + " worker_blocklist b WHERE b.worker_id = w.id AND b.job_id = ?)",
        WorkerRepository::worker, args.toArray());
  }

  // Tasks

  Optional<TaskRow> task(String taskId) throws SQLException {
    return Sql.one(tx, "SELECT * FROM worker_task WHERE id = ?", WorkerRepository::taskRow,
        taskId);
  }

  Optional<TaskRow> taskOfFrame(String frameId) throws SQLException {
    return Sql.one(tx, "SELECT * FROM worker_task WHERE frame_id = ?", WorkerRepository::taskRow,
        frameId);
  }

  /** The worker's tasks in {@code status}, least recently updated first. */
  List<TaskRow> tasks(String workerId, String status) throws SQLException {
    return Sql.list(tx, "SELECT * FROM worker_task WHERE worker_id = ? AND status = ?"
        + " ORDER BY last_update", WorkerRepository::taskRow, workerId, status);
  }

  /** Every worker's tasks in {@code status}, by worker. */
  List<TaskRow> tasks(String status) throws SQLException {
    return Sql.list(tx, "SELECT * FROM worker_task WHERE status = ? ORDER BY worker_id",
        WorkerRepository::taskRow, status);
  }

  /** Tasks in {@code status} without an update since {@code before}. */
  List<TaskRow> staleTasks(String status, long before) throws SQLException {
    return Sql.list(tx, "SELECT * FROM worker_task WHERE status = ? AND last_update < ?",
        WorkerRepository::taskRow, status, before);
  }

  void insertTask(String taskId, String frameId, String jobId, String taskType, String status,
      String workerId, long now) throws SQLException {
    Sql.update(tx, "INSERT INTO worker_task (id, frame_id, job_id, task_type, status,"
            + " worker_id, activity, progress, last_update) VALUES (?, ?, ?, ?, ?, ?, '', 0, ?)",
        taskId, frameId, jobId, taskType, status, workerId, now);
  }

  /** The task starts afresh with another worker (or the same one again). */
  void reassignTask(String taskId, String taskType, String status, String workerId, long now)
      throws SQLException {
    Sql.update(tx, "UPDATE worker_task SET task_type = ?, status = ?, worker_id = ?,"
            + " activity = '', progress = 0, last_update = ? WHERE id = ?",
        taskType, status, workerId, now, taskId);
  }

  void updateProgress(String taskId, long now, String activity, int progress)
      throws SQLException {
    Sql.update(tx, "UPDATE worker_task SET last_update = ?, activity = ?, progress = ?"
        + " WHERE id = ?", now, activity, progress, taskId);
  }

  void setTaskStatus(String taskId, String status) throws SQLException {
    Sql.update(tx, "UPDATE worker_task SET status = ? WHERE id = ?", status, taskId);
  }

  // Failures and the blocklist

  /** The frames of tasks the worker failed, except tasks that have since failed for good. */
  Set<String> failedFrames(String workerId) throws SQLException {
    return new HashSet<>(Sql.list(tx, "SELECT t.frame_id FROM worker_task_failure x"
            + " JOIN worker_task t ON t.id = x.task_id WHERE x.worker_id = ? AND t.status <> ?",
        row -> row.getString(1), workerId, TaskStatuses.FAILED));
  }

  /** The (job, task type) pairs the worker is blocklisted for. */
  Set<SchedulingPolicy.JobType> blocklisted(String workerId) throws SQLException {
    return new HashSet<>(Sql.list(tx, "SELECT job_id, task_type FROM worker_blocklist"
            + " WHERE worker_id = ?",
        row -> new SchedulingPolicy.JobType(row.getString(1), row.getString(2)), workerId));
  }

  boolean isBlocklisted(String workerId, String jobId, String taskType) throws SQLException {
    return Sql.count(tx, "SELECT COUNT(*) FROM worker_blocklist WHERE worker_id = ?"
        + " AND job_id = ? AND task_type = ?", workerId, jobId, taskType) > 0;
  }

  void blocklist(String workerId, String jobId, String taskType, long now) throws SQLException {
    Sql.update(tx, "INSERT INTO worker_blocklist (worker_id, job_id, task_type, created)"
        + " VALUES (?, ?, ?, ?)", workerId, jobId, taskType, now);
  }

  /** Remembers that the worker failed the task; once only. */
  void recordFailure(TaskRow task, String workerId) throws SQLException {
    boolean known = Sql.one(tx, "SELECT task_id FROM worker_task_failure WHERE task_id = ?"
        + " AND worker_id = ?", row -> 1, task.id(), workerId).isPresent();
    if (!known) {
      Sql.update(tx, "INSERT INTO worker_task_failure (task_id, worker_id, job_id, task_type)"
          + " VALUES (?, ?, ?, ?)", task.id(), workerId, task.jobId(), task.taskType());
    }
  }

  /** How many tasks of the job's task type the worker failed. */
  int failures(String workerId, String jobId, String taskType) throws SQLException {
    return Sql.count(tx, "SELECT COUNT(*) FROM worker_task_failure WHERE worker_id = ?"
        + " AND job_id = ? AND task_type = ?", workerId, jobId, taskType);
  }

  /** The workers that failed the task. */
  Set<String> failedBy(String taskId) throws SQLException {
    return new HashSet<>(Sql.list(tx, "SELECT worker_id FROM worker_task_failure"
        + " WHERE task_id = ?", row -> row.getString(1), taskId));
  }

  /** The workers that failed the task, as {@code failed_by_workers} lists them. */
  List<FailedBy> failedByWorkers(String taskId) throws SQLException {
    return Sql.list(tx, "SELECT w.id, w.nickname FROM worker_task_failure x"
            + " JOIN worker w ON w.id = x.worker_id WHERE x.task_id = ? ORDER BY w.nickname, w.id",
        row -> new FailedBy(row.getString(1), row.getString(2)), taskId);
  }

  /** The workers blocklisted for the job's task type. */
  Set<String> blocklistedFor(String jobId, String taskType) throws SQLException {
    return new HashSet<>(Sql.list(tx, "SELECT worker_id FROM worker_blocklist WHERE job_id = ?"
        + " AND task_type = ?", row -> row.getString(1), jobId, taskType));
  }

  /** Every worker may try the task again. */
  void forgetFailures(String taskId) throws SQLException {
    Sql.update(tx, "DELETE FROM worker_task_failure WHERE task_id = ?", taskId);
  }

  /** Every worker may try the frame's task again. */
  void forgetFailuresOfFrame(String frameId) throws SQLException {
    Sql.update(tx, "DELETE FROM worker_task_failure WHERE task_id IN"
        + " (SELECT id FROM worker_task WHERE frame_id = ?)", frameId);
  }

  // Job ids

  /** The 24-hex id workers see for the farm's job {@code farmJobId}, when it has one. */
  Optional<String> workerJobId(String farmJobId) throws SQLException {
    return Sql.one(tx, "SELECT id FROM worker_job WHERE job_id = ?", row -> row.getString(1),
        farmJobId);
  }

  void insertWorkerJob(String id, String farmJobId) throws SQLException {
    Sql.update(tx, "INSERT INTO worker_job (id, job_id) VALUES (?, ?)", id, farmJobId);
  }

  /** Whether the job with the worker-facing id {@code jobId} has the task {@code taskId}. */
  boolean hasTask(String jobId, String taskId) throws SQLException {
    return Sql.one(tx, "SELECT t.id FROM worker_task t JOIN worker_job j ON j.job_id = t.job_id"
        + " WHERE t.id = ? AND j.id = ?", row -> row.getString(1), taskId, jobId).isPresent();
  }

  // Rows

  private static Worker worker(ResultSet row) throws SQLException {
    return new Worker(row.getString("id"), row.getString("nickname"), row.getString("address"),
        status(row.getString("status")), row.getString("platform"),
        list(row.getString("supported_task_types")), row.getString("software"),
        row.getString("status_requested").isEmpty() ? Optional.empty()
            : Optional.of(status(row.getString("status_requested"))),
        row.getBoolean("lazy_status_request"),
        Optional.ofNullable(row.getString("current_task")), row.getLong("last_activity"),
        row.getInt("cores"), row.getLong("memory_mb"), row.getLong("registered"));
  }

  private static TaskRow taskRow(ResultSet row) throws SQLException {
    return new TaskRow(row.getString("id"), row.getString("frame_id"), row.getString("job_id"),
        row.getString("task_type"), row.getString("status"), row.getString("worker_id"),
        row.getString("activity"), row.getInt("progress"));
  }

  private static WorkerStatus status(String text) throws SQLException {
    return WorkerStatus.parse(text)
        .orElseThrow(() -> new SQLException("corrupt worker status: " + text));
  }

  private static String marks(Set<WorkerStatus> statuses) {
    return String.join(", ", statuses.stream().map(status -> "?").toList());
  }

  private static List<Object> arguments(List<Object> first, Set<WorkerStatus> statuses) {
    List<Object> args = new ArrayList<>(first);
    statuses.stream().map(WorkerStatus::wire).sorted().forEach(args::add);
    return args;
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
