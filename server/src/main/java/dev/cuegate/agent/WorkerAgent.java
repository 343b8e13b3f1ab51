package dev.cuegate.agent;

import java.io.IOException;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;

/** A render worker that fetches and runs tasks from a Flamenco-v2-compatible manager. */
public interface WorkerAgent {

  /** Why {@link #run()} returned. */
  enum Exit {
    /** Shut down on request: by {@link #shutdown} or by the manager. */
    STOPPED,
    /** The manager refused this worker: its registration, or all of its task types. */
    REFUSED
  }

  /**
   * Registers (or reuses the stored registration), signs on and runs tasks until stopped.
   *
   * @throws StateDirectory.InUse when another agent runs with the same state directory
   * @throws IOException when the state directory cannot be read or written
   */
  Exit run() throws IOException, InterruptedException;

  /**
   * Stops the running task's processes, hands the task back, signs off and lets {@link #run()}
   * return; waits at most {@code timeout} for that.
   */
  void shutdown(Duration timeout) throws InterruptedException;

  /** An agent for {@code settings} that talks to the manager through {@code http}. */
  static WorkerAgent create(AgentSettings settings, HttpClient http, Sleeper sleeper) {
    return new DefaultWorkerAgent(settings, http, sleeper, new SecureRandom());
  }
}
