package dev.cuegate.farm;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Filters through the embedded farm's HTTP API on PostgreSQL. */
class FarmFiltersOnPostgresTest extends FarmFiltersContract {
  @RegisterExtension
  static final GatewayExtension GATEWAY = new GatewayExtension().embedded(TestDatabase.POSTGRES);

  FarmFiltersOnPostgresTest() {
    super(GATEWAY);
  }
}
