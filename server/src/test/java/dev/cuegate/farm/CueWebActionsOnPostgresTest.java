package dev.cuegate.farm;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CueWeb's scheduling actions on the embedded farm over HTTP on PostgreSQL. */
class CueWebActionsOnPostgresTest extends CueWebActionsContract {
  @RegisterExtension
  static final GatewayExtension GATEWAY = new GatewayExtension().embedded(TestDatabase.POSTGRES);

  CueWebActionsOnPostgresTest() {
    super(GATEWAY);
  }
}
