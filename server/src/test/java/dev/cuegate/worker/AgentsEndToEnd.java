package dev.cuegate.worker;

import dev.cuegate.testing.GatewayExtension;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of the tests where real agents work for an embedded gateway of the subclass's: each
 * test gets fresh agents with their own state directories, stopped after it.
 */
abstract class AgentsEndToEnd {
  @TempDir Path stateDirs;

  final FarmJobs jobs;
  Agents agents;
  private final GatewayExtension server;

  /** Agents of {@code server}, the subclass's gateway. */
  AgentsEndToEnd(GatewayExtension server) {
    this.server = server;
    this.jobs = new FarmJobs(server);
  }

  @BeforeEach
  void startAgents() {
    agents = new Agents(URI.create(server.uri("").toString()), stateDirs);
  }

  @AfterEach
  void stopAgents() throws InterruptedException {
    agents.close();
  }
}
