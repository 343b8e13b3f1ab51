package dev.cuegate.farm.store;

import dev.cuegate.db.Sql;

import dev.cuegate.farm.spec.CommandTokens;
import dev.cuegate.farm.spec.FrameDispatch;
import dev.cuegate.farm.spec.FrameEnvironment;
import dev.cuegate.farm.spec.FrameRange;
import dev.cuegate.farm.spec.LayerDefinition;
import dev.cuegate.farm.spec.PlannedFrame;
import dev.cuegate.proto.job.FrameState;
import java.nio.file.Path;
import dev.cuegate.db.Transaction;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One open transaction of the farm, for work that must commit together with frame changes. The
 * farm's tables change only through the domain operations here, which keep jobs, dependencies
 * and retries consistent; another package's own tables go through {@link #transaction()}.
 */
public final class FarmTransaction {

  /**
   * Work done inside one farm transaction. It runs again when the database aborts it for a
   * conflict with another process, so it changes nothing outside the database.
   */
  @FunctionalInterface
  public interface Work<T> {
    T run(FarmTransaction transaction) throws SQLException;
  }

  private final Transaction connection;
  private final FrameStates states;

  FarmTransaction(Transaction connection, FrameStates states) {
    this.connection = connection;
    this.states = states;
  }

  /**
   * The same database transaction, for the calling package's own tables: they commit or roll
   * back with the farm's changes. The farm's tables are not the caller's to touch.
   */
  public Transaction transaction() {
    return connection;
  }

  /** @throws FarmException NOT_FOUND when there is no such frame */
  public FrameRow frame(String frameId) throws SQLException {
    return Reads.frame(connection, frameId);
  }

  /** @throws FarmException NOT_FOUND when there is no such job */
  public JobRow job(String jobId) throws SQLException {
    return Reads.job(connection, jobId);
  }

  /**
   * The first waiting frame, in dispatch order, that the farm's scheduling rules and
   * {@code eligible} accept (say, of a task type a worker runs); frames after it are not read.
   */
  public Optional<WaitingFrame> firstWaiting(Predicate<? super WaitingFrame> eligible)
      throws SQLException {
    return new DispatchQueue(connection, states.now()).first(eligible);
  }

  /**
   * WAITING becomes RUNNING on the host named {@code host} (as OpenCue's host calls name it),
   * which the frame's events name.
   */
  public void startFrame(String frameId, String host) throws SQLException {
    states.start(frameId, host);
  }

  /**
   * A RUNNING frame ended with {@code exitStatus} on {@code host}; answers its new state
   * (retries applied).
   */
  public FrameState finishFrame(String frameId, int exitStatus, String host)
      throws SQLException {
    return states.finish(frameId, exitStatus, host);
  }

  /** A frame RUNNING on {@code host} goes back to WAITING without using a retry. */
  public void requeueFrame(String frameId, String host) throws SQLException {
    states.requeue(frameId, host);
  }

  /**
   * A WAITING frame that nobody can run fails for good, after it failed on {@code host}; answers
   * DEAD, or EATEN on autoeat.
   */
  public FrameState giveUpFrame(String frameId, String host) throws SQLException {
    return states.giveUp(frameId, host);
  }

  /**
   * Stores a frame an outside scheduler launched here, as WAITING.
   *
   * @throws FarmException ALREADY_EXISTS while that frame still waits or runs here
   */
  public void launchExternal(ExternalFrame frame) throws SQLException {
    states.external().launch(frame);
  }

  /**
   * Ends a waiting or running external frame (a kill from its scheduler, say); the farm's
   * {@link ExternalFrameListener} hears of it in this transaction.
   */
  public FrameState endExternal(String frameId, int exitStatus, int exitSignal)
      throws SQLException {
    return states.external().end(frameId, exitStatus, exitSignal);
  }

  /** The frame's command, tokens replaced, and its environment: what a host runs. */
  public FrameCommand command(String frameId) throws SQLException {
    var external = ExternalFrames.command(connection, frameId);
    if (external.isPresent()) {
      return external.get();
    }
    FrameDispatch dispatch = dispatch(frameId);
    return new FrameCommand(CommandTokens.apply(dispatch), FrameEnvironment.of(dispatch));
  }

  /**
   * Where OpenCue's tools expect the frame's log ({@code <log dir>/<job>.<frame>.rqlog}); empty
   * when its job has no log directory.
   */
  public Optional<Path> frameLogFile(String frameId) throws SQLException {
    return ExternalFrames.logFile(connection, frameId);
  }

  /** @throws FarmException NOT_FOUND when there is no such layer */
  public LayerRow layer(String layerId) throws SQLException {
    return Reads.layerRows(connection, "id = ?", layerId).stream().findFirst().orElseThrow(
        () -> FarmException.notFound("layer " + layerId + " does not exist"));
  }

  /** Everything a host needs to run the frame: its command and environment come from this. */
  public FrameDispatch dispatch(String frameId) throws SQLException {
    FrameRow frame = frame(frameId);
    LayerRow layer = Reads.layerRows(connection, "id = ?", frame.layerId()).get(0);
    JobRow job = job(frame.jobId());
    Map<String, String> jobEnvironment = Sql.one(connection,
        "SELECT environment FROM job WHERE id = ?", row -> Rows.map(row.getString(1)),
        job.id()).orElseThrow();
    Map<String, String> layerEnvironment = Sql.one(connection,
        "SELECT environment FROM layer WHERE id = ?", row -> Rows.map(row.getString(1)),
        layer.id()).orElseThrow();
    LayerDefinition definition = new LayerDefinition(layer.name(), layer.type(),
        layer.command(), layer.range(), layer.chunk(), layer.cores(), layer.threadable(),
        layer.memoryKib(), layer.gpus(), layer.gpuMemoryKib(), layer.timeoutMinutes(),
        layer.timeoutLluMinutes(), layer.tags(), layer.limits(), layerEnvironment,
        layer.services(), List.of());
    PlannedFrame planned =
        new PlannedFrame(frame.number(), frame.name(), FrameRange.parse(frame.frameSpec()));
    return new FrameDispatch(job.show(), job.shot(), job.user(), job.name(), job.id(),
        layer.id(), frame.id(), job.logDir(), jobEnvironment, definition, planned);
  }
}
