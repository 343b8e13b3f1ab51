package dev.cuegate.agent;

import java.time.Duration;

/**
 * How long the agent waits for and between things.
 *
 * @param requestTimeout the most any one request to the manager may take
 * @param idleMin first wait after the manager had no task; doubles up to {@code idleMax}
 * @param idleMax longest wait between asking for tasks
 * @param retryMin first wait after a network error; doubles up to {@code retryMax}
 * @param retryMax longest wait between retries
 * @param mayIRunInterval how often a running task asks whether it may keep running
 * @param statusPollInterval how often an asleep worker asks for a status change
 * @param logFlushInterval how long log lines are collected before they are sent
 * @param killGrace how long a stopped process tree may take to exit before it is killed hard
 */
public record AgentTimings(
    Duration requestTimeout,
    Duration idleMin,
    Duration idleMax,
    Duration retryMin,
    Duration retryMax,
    Duration mayIRunInterval,
    Duration statusPollInterval,
    Duration logFlushInterval,
    Duration killGrace) {

  /** Below the Python worker's 3 s request timeout where the manager side is concerned. */
  public static AgentTimings defaults() {
    return new AgentTimings(
        Duration.ofSeconds(10),
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        Duration.ofSeconds(5),
        Duration.ofSeconds(1),
        Duration.ofSeconds(10));
  }
}
