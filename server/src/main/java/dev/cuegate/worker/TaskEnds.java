package dev.cuegate.worker;

import dev.cuegate.farm.store.FarmTransaction;
import dev.cuegate.proto.job.FrameState;
import dev.cuegate.worker.SchedulingPolicy.AfterFailure;
import dev.cuegate.worker.SchedulingPolicy.Candidate;
import dev.cuegate.worker.WorkerRepository.TaskRow;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What ending a task does to its frame and to the failure records, inside the caller's farm
 * transaction: shared by the workers' own reports and the timeouts.
 */
final class TaskEnds {
  private static final Logger log = LoggerFactory.getLogger(TaskEnds.class);
  /** The exit status a failed task gives its frame: any failure counts as a retry. */
  private static final int FAILURE_EXIT_STATUS = 1;

  private TaskEnds() {}

  /**
   * Flamenco's failure rules on top of OpenCue's retries: the worker is remembered as having
   * failed the task (and blocklisted for the job's task type at the third such task); the frame
   * uses a retry; a task that is not dead yet is soft-failed for other workers, unless three
   * workers failed it or no worker is left that may run it. {@code now} (epoch milliseconds)
   * dates a blocklist entry.
   */
  static void fail(FarmTransaction tx, WorkerRepository rows, TaskRow task, String workerId,
      long now) throws SQLException {
    rows.recordFailure(task, workerId);
    int failures = rows.failures(workerId, task.jobId(), task.taskType());
    if (SchedulingPolicy.blocklists(failures,
        rows.isBlocklisted(workerId, task.jobId(), task.taskType()))) {
      log.warn("worker {} failed {} tasks of type {} of job {}: blocklisted for them", workerId,
          failures, task.taskType(), task.jobId());
      rows.blocklist(workerId, task.jobId(), task.taskType(), now);
    }
    String host = hostName(rows, workerId);
    FrameState frame = tx.finishFrame(task.frameId(), FAILURE_EXIT_STATUS, host);
    AfterFailure after = frame != FrameState.WAITING ? AfterFailure.FAILED
        : SchedulingPolicy.afterRetriableFailure(task.taskType(), rows.failedBy(task.id()),
            rows.blocklistedFor(task.jobId(), task.taskType()),
            rows.workers().stream()
                .map(worker -> new Candidate(worker.id(), worker.taskTypes()))
                .toList());
    if (after == AfterFailure.GIVE_UP) {
      tx.giveUpFrame(task.frameId(), host);
    }
    rows.setTaskStatus(task.id(),
        after == AfterFailure.SOFT_FAILED ? TaskStatuses.SOFT_FAILED : TaskStatuses.FAILED);
  }

  /** The worker's active tasks go back to the queue without counting as failures. */
  static void requeueActive(FarmTransaction tx, WorkerRepository rows, String workerId)
      throws SQLException {
    for (TaskRow task : rows.tasks(workerId, TaskStatuses.ACTIVE)) {
      if (tx.frame(task.frameId()).state() == FrameState.RUNNING) {
        tx.requeueFrame(task.frameId(), hostName(rows, workerId));
      }
      rows.setTaskStatus(task.id(), TaskStatuses.QUEUED);
    }
  }

  /** The worker's name as the farm's hosts show it, which its frames' events name. */
  private static String hostName(WorkerRepository rows, String workerId) throws SQLException {
    return rows.worker(workerId).orElseThrow().nickname();
  }
}
