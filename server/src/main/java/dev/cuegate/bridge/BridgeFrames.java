package dev.cuegate.bridge;

import dev.cuegate.db.Sql;
import dev.cuegate.db.Transaction;
import dev.cuegate.farm.EmbeddedFarm;
import dev.cuegate.farm.store.ExternalFrame;
import dev.cuegate.farm.store.ExternalFrameListener;
import dev.cuegate.proto.job.FrameState;
import dev.cuegate.proto.report.RunningFrameInfo;
import dev.cuegate.proto.rqd.RunFrame;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The frames Cuebot launched on the bridge, kept in the farm's database with the farm frames that
 * workers run, so that a launch, a worker's end of it and the completion owed to Cuebot are
 * each one transaction: a crash loses none of them.
 */
final class BridgeFrames {
  static final String RUNNING = "running";
  static final String ENDED = "ended";
  /** How Cuebot reports a killed frame: never 137, which it would count as out of memory. */
  static final int KILLED_EXIT_STATUS = 1;
  static final int KILLED_SIGNAL = 9;
  /** OpenCue's frame names are {@code <number, zero-padded>-<layer name>}. */
  private static final Pattern FRAME_NAME = Pattern.compile("(-?\\d+)-(.+)");

  /** What a completion report needs. */
  record Completion(RunFrame frame, int exitStatus, int exitSignal, long launched, long ended) {}

  /**
   * The sum of the workers that accept the bridge's task type, which the host offers Cuebot;
   * {@code others} counts the signed-on workers that accept only other task types.
   */
  record Capacity(int cores, long memoryMb, int workers, int others) {}

  private final EmbeddedFarm farm;
  private final BridgeWorkers workers;
  private final Clock clock;

  BridgeFrames(EmbeddedFarm farm, BridgeWorkers workers, Clock clock) {
    this.farm = farm;
    this.workers = workers;
    this.clock = clock;
  }

  /**
   * The listener the farm calls when a worker (or a timeout, or a kill) ends a frame of Cuebot's:
   * the frame leaves the status reports and its completion waits to be delivered.
   */
  static ExternalFrameListener listener(Clock clock) {
    return (tx, frameId, exitStatus, exitSignal) -> Sql.update(tx, "UPDATE bridge_frame"
            + " SET state = ?, exit_status = ?, exit_signal = ?, ended = ?"
            + " WHERE frame_id = ? AND state = ?",
        ENDED, exitStatus, exitSignal, clock.millis(), frameId, RUNNING);
  }

  /**
   * Takes a frame Cuebot launched: stored before this returns, then handed to the next free
   * worker.
   *
   * @throws io.grpc.StatusRuntimeException UNAVAILABLE when no worker is free for it (Cuebot
   *     puts it back to WAITING)
   */
  void launch(RunFrame frame) {
    farm.transaction(tx -> {
      Transaction c = tx.transaction();
      if (runFrame(c, frame.getFrameId()).isPresent()) {
        // Cuebot launches again what it thinks is waiting, e.g. when the answer to the first
        // launch was lost in a crash: the frame goes on here under its new launch's ids.
        Sql.update(c, "UPDATE bridge_frame SET run_frame = ? WHERE frame_id = ?",
            encode(frame), frame.getFrameId());
        return null;
      }
      // A worker free for the job is free for the frame, unless a frame launched earlier still
      // waits for it.
      int free = workers.free(tx, frame.getJobId());
      int waiting = 0;
      for (String launched : Sql.list(c, "SELECT frame_id FROM bridge_frame WHERE state = ?",
          row -> row.getString(1), RUNNING)) {
        if (tx.frame(launched).state() == FrameState.WAITING) {
          waiting++;
        }
      }
      if (free <= waiting) {
        throw Status.UNAVAILABLE
            .withDescription("no worker of this host that accepts task type \""
                + workers.taskType() + "\" is free for frame " + frame.getFrameName())
            .asRuntimeException();
      }
      tx.launchExternal(external(frame));
      Sql.update(c, "DELETE FROM bridge_frame WHERE frame_id = ?", frame.getFrameId());
      Sql.update(c, "INSERT INTO bridge_frame (frame_id, run_frame, state, exit_status,"
              + " exit_signal, launched, ended) VALUES (?, ?, ?, 0, 0, ?, 0)",
          frame.getFrameId(), encode(frame), RUNNING, clock.millis());
      // A retry Cuebot decided is a new attempt: earlier failures must not keep it from workers.
      workers.forgetFailures(tx, frame.getFrameId());
      return null;
    });
  }

  /**
   * Stops a frame for Cuebot: its worker hears "stop" at its next may-i-run, and Cuebot gets the
   * completion of a killed frame.
   *
   * @return false when the frame does not run here
   */
  boolean kill(String frameId) {
    return farm.transaction(tx -> {
      if (runFrame(tx.transaction(), frameId).isEmpty()) {
        return false;
      }
      tx.endExternal(frameId, KILLED_EXIT_STATUS, KILLED_SIGNAL);
      return true;
    });
  }

  /** The frames to list in status reports: launched here, completion not yet owed. */
  List<RunFrame> running() {
    return farm.transaction(tx -> Sql.list(tx.transaction(),
        "SELECT run_frame FROM bridge_frame WHERE state = ? ORDER BY launched",
        row -> decode(row.getString(1)), RUNNING));
  }

  Optional<RunFrame> running(String frameId) {
    return farm.transaction(tx -> runFrame(tx.transaction(), frameId));
  }

  /** Completions not yet taken by Cuebot, oldest first. */
  List<Completion> completions() {
    return farm.transaction(tx -> Sql.list(tx.transaction(),
        "SELECT * FROM bridge_frame WHERE state = ? ORDER BY ended", BridgeFrames::completion,
        ENDED));
  }

  /** Cuebot took the completion: the frame is forgotten here. */
  void delivered(Completion completion) {
    farm.transaction(tx -> Sql.update(tx.transaction(), "DELETE FROM bridge_frame"
            + " WHERE frame_id = ? AND state = ? AND launched = ?",
        completion.frame().getFrameId(), ENDED, completion.launched()));
  }

  /**
   * What the signed-on workers that accept the bridge's task type add up to; a worker that
   * declared nothing counts as the default.
   */
  Capacity capacity(int defaultCores, long defaultMemoryMb) {
    return farm.transaction(tx -> workers.capacity(tx, defaultCores, defaultMemoryMb));
  }

  /** The report entry of a running frame: ids echoed from its launch, no memory figures. */
  static RunningFrameInfo info(RunFrame frame) {
    return RunningFrameInfo.newBuilder()
        .setResourceId(frame.getResourceId())
        .setJobId(frame.getJobId())
        .setJobName(frame.getJobName())
        .setFrameId(frame.getFrameId())
        .setFrameName(frame.getFrameName())
        .setLayerId(frame.getLayerId())
        .setNumCores(frame.getNumCores())
        .setStartTime(frame.getStartTime())
        .setNumGpus(frame.getNumGpus())
        .build();
  }

  private static ExternalFrame external(RunFrame frame) {
    Matcher name = FRAME_NAME.matcher(frame.getFrameName());
    boolean numbered = name.matches();
    return new ExternalFrame(
        frame.getJobId(),
        frame.getJobName(),
        frame.getShow(),
        frame.getShot(),
        frame.getUserName(),
        frame.getLayerId(),
        numbered ? name.group(2) : frame.getFrameName(),
        frame.getFrameId(),
        frame.getFrameName(),
        numbered ? Integer.parseInt(name.group(1)) : 0,
        ShellCommand.of(frame.getCommand()),
        frame.getEnvironmentMap(),
        frame.getLogDir(),
        frame.getNumCores(),
        RqdBridge.SERVICE);
  }

  private static Optional<RunFrame> runFrame(Transaction c, String frameId)
      throws SQLException {
    return Sql.one(c, "SELECT run_frame FROM bridge_frame WHERE frame_id = ? AND state = ?",
        row -> decode(row.getString(1)), frameId, RUNNING);
  }

  private static Completion completion(ResultSet row) throws SQLException {
    return new Completion(decode(row.getString("run_frame")), row.getInt("exit_status"),
        row.getInt("exit_signal"), row.getLong("launched"), row.getLong("ended"));
  }

  private static String encode(RunFrame frame) {
    return Base64.getEncoder().encodeToString(frame.toByteArray());
  }

  private static RunFrame decode(String text) throws SQLException {
    try {
      return RunFrame.parseFrom(Base64.getDecoder().decode(text));
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw new SQLException("bridge_frame holds an unreadable RunFrame", e);
    }
  }
}
