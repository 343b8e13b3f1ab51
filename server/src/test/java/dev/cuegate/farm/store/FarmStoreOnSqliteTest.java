package dev.cuegate.farm.store;

import dev.cuegate.testing.TestDatabase;

/** The store's contract on SQLite. */
class FarmStoreOnSqliteTest extends FarmStoreContract {
  FarmStoreOnSqliteTest() {
    super(TestDatabase.SQLITE);
  }
}
