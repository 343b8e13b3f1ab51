package dev.cuegate.farm;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Dependencies and mark-done through the embedded farm's HTTP API on SQLite. */
class FarmDependsOnSqliteTest extends FarmDependsContract {
  @RegisterExtension
  static final GatewayExtension GATEWAY = new GatewayExtension().embedded(TestDatabase.SQLITE);

  FarmDependsOnSqliteTest() {
    super(GATEWAY);
  }
}
