package dev.cuegate.worker;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Flamenco's rules for who may run what, over plain values: which waiting frame a worker may
 * take, when a worker is blocklisted, and when a failed task fails for good. Nothing here reads
 * or writes; {@link WorkerOperations} applies the answers.
 */
final class SchedulingPolicy {
  /** A worker that failed this many tasks of a job's task type gets no more of them. */
  static final int FAILURES_BEFORE_BLOCKLIST = 3;
  /** A task that this many workers failed fails for good. */
  static final int WORKERS_BEFORE_FAILED = 3;

  /** A job's tasks of one type: what a blocklist entry names. */
  record JobType(String jobId, String taskType) {}

  /**
   * What decides whether a worker may take a frame.
   *
   * @param taskTypes the task types the worker runs
   * @param failedFrames frames whose task the worker failed (until an operator retries it)
   * @param blocklisted the jobs' task types the worker may no longer run
   */
  record Eligibility(
      Collection<String> taskTypes, Set<String> failedFrames, Set<JobType> blocklisted) {

    /** Whether the worker may take the frame {@code frameId} of {@code jobId}, of type {@code taskType}. */
    boolean allows(String frameId, String jobId, String taskType) {
      return taskTypes.contains(taskType)
          && !blocklisted.contains(new JobType(jobId, taskType))
          && !failedFrames.contains(frameId);
    }
  }

  /**
   * What a worker declared it has, as Cuebot books a host: a frame whose layer reserves more
   * cores or memory is not given to it. A worker takes one frame at a time, so all of it is free
   * when it asks; 0 means it did not say, and then nothing is refused for it.
   *
   * @param cores whole cores
   * @param memoryMb MiB
   */
  record Capacity(int cores, long memoryMb) {

    /** Whether a frame reserving {@code cores} hundredths and {@code memoryKib} KiB fits. */
    boolean fits(int cores, long memoryKib) {
      return (this.cores <= 0 || cores <= this.cores * 100L)
          && (memoryMb <= 0 || memoryKib <= memoryMb * 1024L);
    }
  }

  /** A worker as the give-up rule sees it: who it is and what it runs. */
  record Candidate(String workerId, List<String> taskTypes) {}

  /** What a failure does to the task, once the frame used one of its retries. */
  enum AfterFailure {
    /** The frame has no retries left: the task failed, and stays so. */
    FAILED,
    /** Other workers may try it. */
    SOFT_FAILED,
    /** Retries are left, but nobody may try: the frame fails for good now. */
    GIVE_UP
  }

  private SchedulingPolicy() {}

  /**
   * Whether the worker's {@code failures} of a job's task type (this one included) blocklist it
   * now.
   */
  static boolean blocklists(int failures, boolean alreadyBlocklisted) {
    return failures >= FAILURES_BEFORE_BLOCKLIST && !alreadyBlocklisted;
  }

  /**
   * What follows a failed task whose frame has retries left (else it simply is
   * {@link AfterFailure#FAILED}): {@code failedBy} are the workers that failed it, among the
   * registered {@code workers} of whom {@code blocklisted} may not run its type.
   */
  static AfterFailure afterRetriableFailure(String taskType, Set<String> failedBy,
      Set<String> blocklisted, List<Candidate> workers) {
    if (failedBy.size() >= WORKERS_BEFORE_FAILED
        || !anyWorkerLeft(taskType, failedBy, blocklisted, workers)) {
      return AfterFailure.GIVE_UP;
    }
    return AfterFailure.SOFT_FAILED;
  }

  /** Whether a worker supports the task's type and has neither failed it nor is blocklisted. */
  private static boolean anyWorkerLeft(String taskType, Set<String> failedBy,
      Set<String> blocklisted, List<Candidate> workers) {
    return workers.stream().anyMatch(worker -> !failedBy.contains(worker.workerId())
        && !blocklisted.contains(worker.workerId())
        && worker.taskTypes().contains(taskType));
  }
}
