package dev.cuegate.farm;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The embedded farm's scheduling settings over HTTP on SQLite. */
class SchedulingOnSqliteTest extends SchedulingContract {
  @RegisterExtension
  static final GatewayExtension GATEWAY = new GatewayExtension().embedded(TestDatabase.SQLITE);

  SchedulingOnSqliteTest() {
    super(GATEWAY);
  }
}
