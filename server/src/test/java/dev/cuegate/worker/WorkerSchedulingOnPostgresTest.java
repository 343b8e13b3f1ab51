package dev.cuegate.worker;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Task scheduling for workers on PostgreSQL. */
class WorkerSchedulingOnPostgresTest extends WorkerSchedulingContract {
  @RegisterExtension
  static final GatewayExtension GATEWAY = new GatewayExtension().embedded(TestDatabase.POSTGRES)
      .env("WORKER_SECRET_ITERATIONS", "1000");

  WorkerSchedulingOnPostgresTest() {
    super(GATEWAY);
  }
}
