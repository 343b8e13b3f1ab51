package dev.cuegate.events;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The embedded farm's events on PostgreSQL. */
class EmbeddedFarmEventsOnPostgresTest extends EmbeddedFarmEventsContract {
  @RegisterExtension
  static final GatewayExtension GATEWAY = new GatewayExtension().embedded(TestDatabase.POSTGRES);

  EmbeddedFarmEventsOnPostgresTest() {
    super(GATEWAY);
  }
}
