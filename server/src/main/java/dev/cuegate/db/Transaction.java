package dev.cuegate.db;

import java.sql.Connection;

/**
 * One open database transaction. Its connection stays inside this package: statements go through
 * {@link Sql}, and each package runs them against its own tables only (docs/ARCHITECTURE.md;
 * enforced by TableOwnershipTest).
 */
public final class Transaction {
  private final Connection connection;

  Transaction(Connection connection) {
    this.connection = connection;
  }

  Connection connection() {
    return connection;
  }
}
