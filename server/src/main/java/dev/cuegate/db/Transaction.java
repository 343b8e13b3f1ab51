package dev.cuegate.db;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * One open database transaction. Its connection stays inside this package: statements go through
 * {@link Sql}, and each package runs them against its own tables only (docs/ARCHITECTURE.md;
 * enforced by TableOwnershipTest).
 */
public final class Transaction {
  private final Connection connection;
  private final List<Runnable> afterCommit = new ArrayList<>();

  Transaction(Connection connection) {
    this.connection = connection;
  }

  Connection connection() {
    return connection;
  }

  /**
   * Runs {@code action} once this transaction committed, before the next transaction starts, in
   * the order registered; never when it rolls back or is run again. For what must be told of a
   * change if and only if the change is durable, in commit order.
   */
  public void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  List<Runnable> afterCommitActions() {
    return List.copyOf(afterCommit);
  }
}
