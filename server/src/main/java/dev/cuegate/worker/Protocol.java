package dev.cuegate.worker;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** The values and shapes of Flamenco's worker protocol that the store and the routes share. */
final class Protocol {
  // Worker statuses.
  static final String STARTING = "starting";
  static final String AWAKE = "awake";
  static final String ASLEEP = "asleep";
  static final String SHUTDOWN = "shutdown";
  static final String OFFLINE = "offline";
  static final String TIMEOUT = "timeout";
  /** Statuses a worker may acknowledge. */
  static final Set<String> WORKER_STATUSES =
      Set.of(STARTING, AWAKE, ASLEEP, SHUTDOWN, OFFLINE, TIMEOUT, "error", "testing");

  // Task statuses.
  static final String QUEUED = "queued";
  static final String ACTIVE = "active";
  static final String COMPLETED = "completed";
  static final String FAILED = "failed";
  static final String SOFT_FAILED = "soft-failed";
  static final String CANCELED = "canceled";
  static final String PAUSED = "paused";

  private Protocol() {}

  /** Where a request came from, recorded as the worker's last activity. */
  record Visit(String address, String software) {}

  /** {@code WorkerRegistration}, with our agent's extra {@code cores} and {@code memory_mb}. */
  record Registration(
      String secret, String platform, List<String> taskTypes, String nickname, int cores,
      long memoryMb) {
    Registration {
      taskTypes = List.copyOf(taskTypes);
    }
  }

  /**
   * {@code WorkerSignonDoc}: what the worker changes when it starts; {@code cores} and
   * {@code memoryMb} are our agent's extras (0 when not sent), which the bridge offers Cuebot.
   */
  record SignOn(
      Optional<List<String>> taskTypes, Optional<String> nickname, int cores, long memoryMb) {}

  /** A stored worker, as the {@code Worker} document shows it; times in epoch milliseconds. */
  record Worker(
      String id,
      String nickname,
      String address,
      String status,
      String platform,
      List<String> taskTypes,
      String software,
      String statusRequested,
      boolean lazyStatusRequest,
      Optional<String> currentTask,
      long lastActivity) {
    Worker {
      taskTypes = List.copyOf(taskTypes);
    }
  }

  /** A worker that failed a task, as {@code failed_by_workers} lists it. */
  record FailedBy(String id, String identifier) {}

  /** A task as the {@code Task} document shows it; {@code environment} keeps its order. */
  record Task(
      String id,
      String job,
      String name,
      String status,
      int priority,
      String taskType,
      String command,
      Map<String, String> environment,
      String activity,
      String worker,
      List<FailedBy> failedBy) {
    Task {
      failedBy = List.copyOf(failedBy);
    }
  }

  /** {@code TaskUpdate}: only what is given changes; the log is always appended. */
  record TaskUpdate(
      Optional<String> status, Optional<String> activity, OptionalInt progress, String log) {}

  /** What {@code /task} answers. */
  interface Fetch {}

  /** A status change is pending: 423 with it. */
  record StatusRequested(String status) implements Fetch {}

  /** The worker supports no task types: 406. */
  record NoTaskTypes() implements Fetch {}

  /** Nothing fits now: 204. */
  record NothingToDo() implements Fetch {}

  /** Run this task; {@code fresh} when it was just assigned, not resumed. */
  record Assigned(Task task, boolean fresh) implements Fetch {}

  /** An operator's request that a worker take {@code status}, at once or once its task is done. */
  record StatusRequest(String status, boolean lazy) {}

  /** {@code MayKeepRunningResponse}; empty strings are left out of the document. */
  record MayRun(boolean mayKeepRunning, String reason, String statusRequested) {}
}
