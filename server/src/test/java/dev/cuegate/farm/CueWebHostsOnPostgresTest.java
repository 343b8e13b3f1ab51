package dev.cuegate.farm;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CueWeb's host and proc actions on the embedded farm over HTTP on PostgreSQL. */
class CueWebHostsOnPostgresTest extends CueWebHostsContract {
  @RegisterExtension
  static final GatewayExtension GATEWAY = new GatewayExtension().embedded(TestDatabase.POSTGRES);

  CueWebHostsOnPostgresTest() {
    super(GATEWAY);
  }
}
