package dev.cuegate.farm;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Groups and comments through the embedded farm's HTTP API on PostgreSQL. */
class FarmGroupsOnPostgresTest extends FarmGroupsContract {
  @RegisterExtension
  static final GatewayExtension GATEWAY = new GatewayExtension().embedded(TestDatabase.POSTGRES);

  FarmGroupsOnPostgresTest() {
    super(GATEWAY);
  }
}
