package dev.cuegate.worker;

import dev.cuegate.proto.job.FrameState;
import dev.cuegate.worker.WorkerRepository.TaskRow;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol's timeouts: an awake worker that went silent gives its tasks back to the queue,
 * and an active task nobody reports on fails.
 */
record WorkerTimeouts(WorkerOperations operations, Clock clock) {
  private static final Logger log = LoggerFactory.getLogger(WorkerTimeouts.class);
  /** An awake worker silent this long has timed out; its tasks go back to the queue. */
  static final Duration WORKER_TIMEOUT = Duration.ofMinutes(1);
  /** An active task without an update this long has failed. */
  static final Duration TASK_TIMEOUT = Duration.ofMinutes(10);

  /** What a sweep changed. */
  record Swept(int workersTimedOut, int tasksFailed) {}

  /** Times out silent workers (re-queuing their tasks) and fails tasks nobody reports on. */
  Swept sweep() {
    long now = clock.millis();
    return operations.transaction((tx, rows) -> {
      List<String> silent =
          rows.silentWorkers(WorkerStatus.AWAKE, now - WORKER_TIMEOUT.toMillis());
      for (String workerId : silent) {
        log.warn("worker {} has been silent for {}: timed out, its tasks go back to the queue",
            workerId, WORKER_TIMEOUT);
        TaskEnds.requeueActive(tx, rows, workerId);
        rows.setStatus(workerId, WorkerStatus.TIMEOUT);
        rows.clearCurrentTask(workerId);
      }
      List<TaskRow> stale = new ArrayList<>();
      for (TaskRow task : rows.staleTasks(TaskStatuses.ACTIVE, now - TASK_TIMEOUT.toMillis())) {
        if (tx.frame(task.frameId()).state() == FrameState.RUNNING) {
          stale.add(task);
        }
      }
      for (TaskRow task : stale) {
        log.warn("task {} has had no update for {}: failed", task.id(), TASK_TIMEOUT);
        TaskEnds.fail(tx, rows, task, task.workerId(), now);
        rows.clearCurrentTask(task.workerId(), task.id());
      }
      return new Swept(silent.size(), stale.size());
    });
  }
}
