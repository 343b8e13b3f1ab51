package dev.cuegate.farm;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CueWeb's show, subscription and task settings on the embedded farm over HTTP on PostgreSQL. */
class CueWebShowSettingsOnPostgresTest extends CueWebShowSettingsContract {
  @RegisterExtension
  static final GatewayExtension GATEWAY = new GatewayExtension().embedded(TestDatabase.POSTGRES);

  CueWebShowSettingsOnPostgresTest() {
    super(GATEWAY);
  }
}
