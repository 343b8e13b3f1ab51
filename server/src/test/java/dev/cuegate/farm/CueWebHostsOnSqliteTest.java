package dev.cuegate.farm;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CueWeb's host and proc actions on the embedded farm over HTTP on SQLite. */
class CueWebHostsOnSqliteTest extends CueWebHostsContract {
  @RegisterExtension
  static final GatewayExtension GATEWAY = new GatewayExtension().embedded(TestDatabase.SQLITE);

  CueWebHostsOnSqliteTest() {
    super(GATEWAY);
  }
}
