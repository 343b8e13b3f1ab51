package dev.cuegate.farm;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Filters through the embedded farm's HTTP API on SQLite. */
class FarmFiltersOnSqliteTest extends FarmFiltersContract {
  @RegisterExtension
  static final GatewayExtension GATEWAY = new GatewayExtension().embedded(TestDatabase.SQLITE);

  FarmFiltersOnSqliteTest() {
    super(GATEWAY);
  }
}
