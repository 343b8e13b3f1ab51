package dev.cuegate.worker;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A worker's status in Flamenco's protocol, as workers and the database spell it. */
enum WorkerStatus {
  STARTING,
  AWAKE,
  ASLEEP,
  SHUTDOWN,
  OFFLINE,
  TIMEOUT,
  ERROR,
  TESTING;

  private final String wire = name().toLowerCase(Locale.ROOT);

  /** The protocol's spelling: {@code awake}, {@code asleep}, … */
  String wire() {
    return wire;
  }

  /** The status spelled {@code text}; empty for anything else. */
  static Optional<WorkerStatus> parse(String text) {
    return Arrays.stream(values()).filter(status -> status.wire.equals(text)).findFirst();
  }
}
