package dev.cuegate.farm.store;

import dev.cuegate.db.Transaction;
import java.sql.SQLException;

/**
 * Told of each change a farm transaction makes, inside that transaction, so that what it records
 * commits or rolls back with the change (the event journal does). The farm knows nothing of who
 * listens: the server wires the listener in.
 */
@FunctionalInterface
public interface FarmChangeListener {

  /** Nobody listens. */
  FarmChangeListener NONE = (transaction, change) -> { };

  /**
   * {@code change} was just made in {@code transaction}. The transaction may still roll back or
   * run again: what must wait for the commit goes through {@link Transaction#afterCommit}.
   */
  void changed(Transaction transaction, FarmChange change) throws SQLException;
}
