package dev.cuegate.events;

import dev.cuegate.testing.GatewayExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The embedded farm's events on SQLite. */
class EmbeddedFarmEventsOnSqliteTest extends EmbeddedFarmEventsContract {
  @RegisterExtension
  static final GatewayExtension GATEWAY = new GatewayExtension().embedded();

  EmbeddedFarmEventsOnSqliteTest() {
    super(GATEWAY);
  }
}
