package dev.cuegate.bridge;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What Cuebot and operators asked of the host: a lock (no new frames, running ones go on), and
 * a fresh boot report or status report owed to Cuebot.
 */
final class HostControl {
  private final AtomicBoolean locked = new AtomicBoolean();
  private final AtomicBoolean bootOwed = new AtomicBoolean();
  private final AtomicBoolean statusOwed = new AtomicBoolean();

  boolean locked() {
    return locked.get();
  }

  void lock(boolean value) {
    locked.set(value);
    statusOwed.set(true);
  }

  /** Cuebot keeps a host REBOOTING until it boots again: a virtual host just says it did. */
  void oweBoot() {
    bootOwed.set(true);
  }

  void oweStatus() {
    statusOwed.set(true);
  }

  boolean takeBoot() {
    return bootOwed.getAndSet(false);
  }

  boolean takeStatus() {
    return statusOwed.getAndSet(false);
  }
}
