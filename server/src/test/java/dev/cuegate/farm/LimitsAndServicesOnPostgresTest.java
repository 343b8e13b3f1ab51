package dev.cuegate.farm;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Limits and services of the embedded farm over HTTP on PostgreSQL. */
class LimitsAndServicesOnPostgresTest extends LimitsAndServicesContract {
  @RegisterExtension
  static final GatewayExtension GATEWAY = new GatewayExtension().embedded(TestDatabase.POSTGRES);

  LimitsAndServicesOnPostgresTest() {
    super(GATEWAY);
  }
}
