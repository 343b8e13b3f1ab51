package dev.cuegate.farm.store;

import dev.cuegate.db.Sql;
import dev.cuegate.db.Transaction;
import dev.cuegate.proto.job.FrameState;
import dev.cuegate.proto.job.JobState;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The frame state machine, inside one transaction: which change a frame in a given state
 * allows, what it becomes (retries, auto-eat), and what follows from it (dependants released,
 * the job's own state). External frames end through {@link ExternalFrames}: their scheduler
 * decides about retries. {@code now} is in epoch seconds, stamped on every change; {@code changes}
 * is told of each change clients may hear of, in this transaction.
 */
record FrameStates(Transaction c, long now, ExternalFrameListener listener,
    FarmChangeListener changes) {
  /**
   * OpenCue's exit status for a frame its host interrupted: Cuebot re-queues it without using one
   * of its retries.
   */
  private static final int INTERRUPTED_EXIT_STATUS = 286;

  ExternalFrames external() {
    return new ExternalFrames(c, this, listener, now);
  }

  /** The host named {@code host} picked the frame up: WAITING becomes RUNNING. */
  void start(String frameId, String host) throws SQLException {
    FrameRow frame = Reads.frame(c, frameId);
    requireState(frame, FrameState.WAITING);
    Sql.update(c, "UPDATE frame SET state = ?, start_time = ?, stop_time = 0"
        + " WHERE id = ?", FrameState.RUNNING.name(), now, frameId);
    tell(FarmChange.Kind.FRAME_STARTED, frame, host);
  }

  /**
   * A running frame ended. Exit status 0 is success; a failure makes the frame wait for another
   * try, or DEAD once it has failed {@code maxretries} times (EATEN when the job auto-eats).
   * {@code host} ran it.
   */
  FrameState finish(String frameId, int exitStatus, String host) throws SQLException {
    FrameRow frame = Reads.frame(c, frameId);
    requireState(frame, FrameState.RUNNING);
    if (ExternalFrames.isExternal(c, frame.jobId())) {
      return external().end(frameId, exitStatus, 0);
    }
    JobRow job = Reads.job(c, frame.jobId());
    int retries = frame.retryCount() + (exitStatus == 0 ? 0 : 1);
    FrameState next = exitStatus == 0 ? FrameState.SUCCEEDED
        : retries < job.maxRetries() ? FrameState.WAITING
        : finalFailure(job);
    Sql.update(c, "UPDATE frame SET state = ?, exit_status = ?, retry_count = ?, stop_time = ?"
        + " WHERE id = ?", next.name(), exitStatus, retries, now, frameId);
    if (exitStatus == 0) {
      tell(FarmChange.Kind.FRAME_SUCCEEDED, frame, host);
    } else {
      tell(FarmChange.Kind.FRAME_FAILED, frame, host, "exitStatus", exitStatus);
      switch (next) {
        case WAITING -> tell(FarmChange.Kind.FRAME_RETRIED, frame, host, "retryCount", retries);
        case DEAD -> tell(FarmChange.Kind.FRAME_DEAD, frame, host, "exitStatus", exitStatus);
        default -> tell(FarmChange.Kind.FRAME_EATEN, frame, host);
      }
    }
    if (next == FrameState.SUCCEEDED || next == FrameState.EATEN) {
      new Dependencies(c).satisfied(frame);
    }
    refreshJob(frame.jobId());
    return next;
  }

  /**
   * A frame running on {@code host} goes back to WAITING without counting a failure, as a kill
   * does.
   */
  void requeue(String frameId, String host) throws SQLException {
    FrameRow frame = Reads.frame(c, frameId);
    requireState(frame, FrameState.RUNNING);
    if (ExternalFrames.isExternal(c, frame.jobId())) {
      // Its scheduler re-queues it, perhaps on another host; running it here too would double it.
      external().end(frameId, INTERRUPTED_EXIT_STATUS, 0);
      return;
    }
    Sql.update(c, "UPDATE frame SET state = ?, stop_time = ? WHERE id = ?",
        FrameState.WAITING.name(), now, frameId);
    tell(FarmChange.Kind.FRAME_RETRIED, frame, host, "retryCount", frame.retryCount());
  }

  /**
   * A waiting frame that nobody may run any more, since it failed on {@code host}, fails for
   * good: DEAD, or EATEN on autoeat.
   */
  FrameState giveUp(String frameId, String host) throws SQLException {
    FrameRow frame = Reads.frame(c, frameId);
    requireState(frame, FrameState.WAITING);
    FrameState next = finalFailure(Reads.job(c, frame.jobId()));
    Sql.update(c, "UPDATE frame SET state = ?, stop_time = ? WHERE id = ?",
        next.name(), now, frameId);
    if (next == FrameState.EATEN) {
      tell(FarmChange.Kind.FRAME_EATEN, frame, host);
    } else {
      tell(FarmChange.Kind.FRAME_DEAD, frame, host, "exitStatus", frame.exitStatus());
    }
    if (next == FrameState.EATEN) {
      new Dependencies(c).satisfied(frame);
    }
    refreshJob(frame.jobId());
    return next;
  }

  /**
   * An operator's retry, eat or kill of {@code frames}; frames it does not apply to stay.
   * {@code runningOn} names the host of each running frame (by frame id), which its events name.
   */
  void apply(List<FrameRow> frames, FrameChange change, Map<String, String> runningOn)
      throws SQLException {
    Dependencies dependencies = new Dependencies(c);
    List<String> jobs = new ArrayList<>();
    for (FrameRow frame : frames) {
      FrameState state = frame.state();
      String host = runningOn.getOrDefault(frame.id(), "");
      switch (change) {
        case RETRY -> {
          if (state == FrameState.DEAD || state == FrameState.SUCCEEDED
              || state == FrameState.EATEN) {
            FrameState next = frame.dependCount() > 0 ? FrameState.DEPEND : FrameState.WAITING;
            Sql.update(c, "UPDATE frame SET state = ?, exit_status = 0, stop_time = 0"
                + " WHERE id = ?", next.name(), frame.id());
            tell(FarmChange.Kind.FRAME_RETRIED, frame, host, "retryCount", frame.retryCount());
          }
        }
        case EAT -> {
          if (state != FrameState.SUCCEEDED && state != FrameState.EATEN) {
            Sql.update(c, "UPDATE frame SET state = ?, stop_time = ? WHERE id = ?",
                FrameState.EATEN.name(), now, frame.id());
            tell(FarmChange.Kind.FRAME_EATEN, frame, host);
            dependencies.satisfied(frame);
          }
        }
        case KILL -> {
          if (state == FrameState.RUNNING) {
            Sql.update(c, "UPDATE frame SET state = ?, stop_time = ? WHERE id = ?",
                FrameState.WAITING.name(), now, frame.id());
            tell(FarmChange.Kind.FRAME_RETRIED, frame, host, "retryCount", frame.retryCount());
          }
        }
        case MARK_WAITING -> {
          if (state == FrameState.DEPEND) {
            dependencies.dropFrame(frame.id());
            Sql.update(c, "UPDATE frame SET state = ?, depend_count = 0 WHERE id = ?",
                FrameState.WAITING.name(), frame.id());
          }
        }
      }
      if (!jobs.contains(frame.jobId())) {
        jobs.add(frame.jobId());
      }
    }
    for (String job : jobs) {
      refreshJob(job);
    }
  }

  /**
   * Finishes the job for good: running frames stop, nothing more is dispatched, and what
   * depended on the job no longer waits for it.
   */
  void kill(String jobId) throws SQLException {
    Reads.job(c, jobId);
    Sql.update(c, "UPDATE frame SET state = ? WHERE job_id = ? AND state = ?",
        FrameState.WAITING.name(), jobId, FrameState.RUNNING.name());
    Sql.update(c, "UPDATE job SET killed = ? WHERE id = ?", true, jobId);
    changes.changed(c, FarmChange.ofJob(FarmChange.Kind.JOB_KILLED, Reads.job(c, jobId)));
    new Dependencies(c).killed(jobId);
    refreshJob(jobId);
  }

  /** FINISHED once killed or when every frame is SUCCEEDED or EATEN; PENDING otherwise. */
  void refreshJob(String jobId) throws SQLException {
    JobRow job = Reads.job(c, jobId);
    boolean finished = Sql.one(c, "SELECT killed FROM job WHERE id = ?",
        row -> row.getBoolean(1), jobId).orElseThrow()
        || job.frames().done() == job.frames().total();
    JobState next = finished ? JobState.FINISHED : JobState.PENDING;
    if (next != job.state()) {
      Sql.update(c, "UPDATE job SET state = ?, stop_time = ? WHERE id = ?",
          next.name(), finished ? now : 0L, jobId);
      if (finished) {
        FrameCounts frames = job.frames();
        int dead = frames.get(FrameState.DEAD);
        changes.changed(c, FarmChange.ofJob(FarmChange.Kind.JOB_FINISHED, job,
            "deadFrames", dead, "succeededFrames", frames.get(FrameState.SUCCEEDED),
            "succeeded", dead == 0 && frames.done() == frames.total()));
      }
    }
  }

  /**
   * Tells the listener of a change of {@code frame} (as read before the change) on {@code host},
   * which is empty when no host runs it.
   */
  private void tell(FarmChange.Kind kind, FrameRow frame, String host, Object... more)
      throws SQLException {
    changes.changed(c, FarmChange.ofFrame(kind, Reads.job(c, frame.jobId()), frame, host, more));
  }

  private static FrameState finalFailure(JobRow job) {
    return job.autoEat() ? FrameState.EATEN : FrameState.DEAD;
  }

  private static void requireState(FrameRow frame, FrameState expected) {
    if (frame.state() != expected) {
      throw new FarmException(FarmException.Kind.FAILED_PRECONDITION,
          "frame " + frame.name() + " is " + frame.state() + ", not " + expected);
    }
  }
}
