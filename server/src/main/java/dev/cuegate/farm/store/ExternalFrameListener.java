package dev.cuegate.farm.store;

import dev.cuegate.db.Transaction;
import java.sql.SQLException;

/**
 * Told when a frame of an external job ends, inside the transaction that ended it, so that what
 * the outside scheduler must hear is stored atomically with the frame's new state.
 */
@FunctionalInterface
public interface ExternalFrameListener {

  /** Nobody listens: the embedded farm alone has no external jobs. */
  ExternalFrameListener NONE = (connection, frameId, exitStatus, exitSignal) -> { };

  /**
   * The frame {@code frameId} ended with {@code exitStatus} (0 success) and {@code exitSignal}
   * (0 when no signal ended it).
   */
  void ended(Transaction connection, String frameId, int exitStatus, int exitSignal)
      throws SQLException;
}
