package dev.cuegate.farm;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** OpenCue's calls to the embedded farm over HTTP on PostgreSQL. */
class EmbeddedFarmApiOnPostgresTest extends EmbeddedFarmApiContract {
  @RegisterExtension
  static final GatewayExtension GATEWAY = new GatewayExtension().embedded(TestDatabase.POSTGRES);

  EmbeddedFarmApiOnPostgresTest() {
    super(GATEWAY);
  }
}
