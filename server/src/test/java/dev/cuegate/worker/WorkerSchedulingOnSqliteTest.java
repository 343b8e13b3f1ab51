package dev.cuegate.worker;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Task scheduling for workers on SQLite. */
class WorkerSchedulingOnSqliteTest extends WorkerSchedulingContract {
  @RegisterExtension
  static final GatewayExtension GATEWAY = new GatewayExtension().embedded(TestDatabase.SQLITE)
      .env("WORKER_SECRET_ITERATIONS", "1000");

  WorkerSchedulingOnSqliteTest() {
    super(GATEWAY);
  }
}
