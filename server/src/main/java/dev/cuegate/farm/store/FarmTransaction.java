package dev.cuegate.farm.store;

import dev.cuegate.farm.spec.CommandTokens;
import dev.cuegate.farm.spec.FrameDispatch;
import dev.cuegate.farm.spec.FrameEnvironment;
import dev.cuegate.farm.spec.FrameRange;
import dev.cuegate.farm.spec.LayerDefinition;
import dev.cuegate.farm.spec.PlannedFrame;
import dev.cuegate.proto.job.FrameState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One open transaction of the farm, for work that must commit together with frame changes: the
 * worker protocol's own tables are reached through {@link #connection()}, frames only through the
 * methods here, which keep jobs, dependencies and retries consistent.
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

  private final FarmStore store;
  private final Connection connection;

  FarmTransaction(FarmStore store, Connection connection) {
    this.store = store;
    this.connection = connection;
  }

  /** For tables outside the job model; commits with the rest of the transaction. */
  public Connection connection() {
    return connection;
  }

  /** @throws FarmException NOT_FOUND when there is no such frame */
  public FrameRow frame(String frameId) throws SQLException {
    return store.frame(connection, frameId);
  }

  /** @throws FarmException NOT_FOUND when there is no such job */
  public JobRow job(String jobId) throws SQLException {
    return store.job(connection, jobId);
  }

  /** WAITING becomes RUNNING. */
  public void startFrame(String frameId) throws SQLException {
    store.startFrame(connection, frameId);
  }

  /** A RUNNING frame ended with {@code exitStatus}; answers its new state (retries applied). */
  public FrameState finishFrame(String frameId, int exitStatus) throws SQLException {
    return store.finishFrame(connection, frameId, exitStatus);
  }

  /** A RUNNING frame goes back to WAITING without using a retry. */
  public void requeueFrame(String frameId) throws SQLException {
    store.requeueFrame(connection, frameId);
  }

  /** A WAITING frame that nobody can run fails for good; answers DEAD, or EATEN on autoeat. */
  public FrameState giveUpFrame(String frameId) throws SQLException {
    return store.giveUpFrame(connection, frameId);
  }

  /**
   * Stores a frame an outside scheduler launched here, as WAITING.
   *
   * @throws FarmException ALREADY_EXISTS while that frame still waits or runs here
   */
  public void launchExternal(ExternalFrame frame) throws SQLException {
    store.externalFrames(connection).launch(frame);
  }

  /**
   * Ends a waiting or running external frame (a kill from its scheduler, say); the farm's
   * {@link ExternalFrameListener} hears of it in this transaction.
   */
  public FrameState endExternal(String frameId, int exitStatus, int exitSignal)
      throws SQLException {
    return store.externalFrames(connection).end(frameId, exitStatus, exitSignal);
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

  /** Where an outside scheduler's tools expect the frame's log; empty for the farm's frames. */
  public Optional<Path> externalLogFile(String frameId) throws SQLException {
    return ExternalFrames.logFile(connection, frameId);
  }

  /** Everything a host needs to run the frame: its command and environment come from this. */
  public FrameDispatch dispatch(String frameId) throws SQLException {
    FrameRow frame = frame(frameId);
    LayerRow layer = store.layerRows(connection, "id = ?", frame.layerId()).get(0);
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
