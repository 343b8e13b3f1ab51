package dev.cuegate.farm;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CueWeb's page reads on the embedded farm over HTTP on SQLite. */
class CueWebPagesOnSqliteTest extends CueWebPagesContract {
  @RegisterExtension
  static final GatewayExtension GATEWAY = new GatewayExtension().embedded(TestDatabase.SQLITE);

  CueWebPagesOnSqliteTest() {
    super(GATEWAY);
  }
}
