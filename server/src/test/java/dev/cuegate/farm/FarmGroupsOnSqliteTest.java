package dev.cuegate.farm;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Groups and comments through the embedded farm's HTTP API on SQLite. */
class FarmGroupsOnSqliteTest extends FarmGroupsContract {
  @RegisterExtension
  static final GatewayExtension GATEWAY = new GatewayExtension().embedded(TestDatabase.SQLITE);

  FarmGroupsOnSqliteTest() {
    super(GATEWAY);
  }
}
