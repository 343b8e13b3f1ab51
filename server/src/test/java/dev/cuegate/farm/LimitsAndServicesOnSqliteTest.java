package dev.cuegate.farm;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Limits and services of the embedded farm over HTTP on SQLite. */
class LimitsAndServicesOnSqliteTest extends LimitsAndServicesContract {
  @RegisterExtension
  static final GatewayExtension GATEWAY = new GatewayExtension().embedded(TestDatabase.SQLITE);

  LimitsAndServicesOnSqliteTest() {
    super(GATEWAY);
  }
}
