package dev.cuegate.farm.store;

import dev.cuegate.testing.TestDatabase;

/** The store's contract on PostgreSQL. */
class FarmStoreOnPostgresTest extends FarmStoreContract {
  FarmStoreOnPostgresTest() {
    super(TestDatabase.POSTGRES);
  }
}
