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

  Agents agents;

  /** The subclass's gateway, which the agents work for. */
  abstract GatewayExtension gateway();

  @BeforeEach
  void startAgents() {
    agents = new Agents(URI.create(gateway().uri("").toString()), stateDirs);
  }

  @AfterEach
  void stopAgents() throws InterruptedException {
    agents.close();
  }
}
