package dev.cuegate.worker;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The shapes of Flamenco's worker protocol that the operations and the routes share. */
final class Protocol {
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

  /**
   * A stored worker, as the {@code Worker} document shows it; times in epoch milliseconds, and
   * {@code cores} and {@code memoryMb} 0 when the worker did not say.
   */
  record Worker(
      String id,
      String nickname,
      String address,
      WorkerStatus status,
      String platform,
      List<String> taskTypes,
      String software,
      Optional<WorkerStatus> statusRequested,
      boolean lazyStatusRequest,
      Optional<String> currentTask,
      long lastActivity,
      int cores,
      long memoryMb,
      long registered) {
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

  /**
   * What {@code /task} answers. Sealed, and read only through {@link #answer}: a new kind of
   * answer does not compile until every reader says what to do with it.
   */
  sealed interface Fetch permits StatusRequested, NoTaskTypes, NothingToDo, Assigned {
    <T> T answer(Answers<T> answers);
  }

  /** One way to read each kind of {@link Fetch}. */
  interface Answers<T> {
    T statusRequested(WorkerStatus status);

    T noTaskTypes();

    T nothingToDo();

    T assigned(Task task, boolean fresh);
  }

  /** A status change is pending: 423 with it. */
  record StatusRequested(WorkerStatus status) implements Fetch {
    @Override
    public <T> T answer(Answers<T> answers) {
      return answers.statusRequested(status);
    }
  }

  /** The worker supports no task types: 406. */
  record NoTaskTypes() implements Fetch {
    @Override
    public <T> T answer(Answers<T> answers) {
      return answers.noTaskTypes();
    }
  }

  /** Nothing fits now: 204. */
  record NothingToDo() implements Fetch {
    @Override
    public <T> T answer(Answers<T> answers) {
      return answers.nothingToDo();
    }
  }

  /** Run this task; {@code fresh} when it was just assigned, not resumed. */
  record Assigned(Task task, boolean fresh) implements Fetch {
    @Override
    public <T> T answer(Answers<T> answers) {
      return answers.assigned(task, fresh);
    }
  }

  /** An operator's request that a worker take {@code status}, at once or once its task is done. */
  record StatusRequest(WorkerStatus status, boolean lazy) {}

  /** {@code MayKeepRunningResponse}; an empty reason is left out of the document. */
  record MayRun(boolean mayKeepRunning, String reason, Optional<WorkerStatus> statusRequested) {}
}
