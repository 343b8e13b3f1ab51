package dev.cuegate.farm;

import dev.cuegate.farm.service.FarmServices;
import dev.cuegate.farm.store.ExternalFrameListener;
import dev.cuegate.farm.store.FarmChangeListener;
import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.FarmTransaction;
import dev.cuegate.farm.store.HostDirectory;
import java.nio.file.Path;
import java.time.Clock;

/**
 * CueGate's own small render farm: OpenCue's job model on an embedded database, served through
 * OpenCue's gRPC services so that clients cannot tell it from a Cuebot for the calls it supports.
 */
public final class EmbeddedFarm implements AutoCloseable {
  private final FarmStore store;
  private final FarmServices services;

  private EmbeddedFarm(FarmStore store, HostDirectory hosts) {
    this.store = store;
    this.services = FarmServices.of(store, hosts);
  }

  /**
   * Opens (creating and migrating when needed) the farm's database at {@code jdbcUrl}; its
   * render hosts are those {@code hosts} keeps.
   */
  public static EmbeddedFarm open(String jdbcUrl, Clock clock, HostDirectory hosts) {
    return open(jdbcUrl, clock, ExternalFrameListener.NONE, hosts);
  }

  /**
   * As {@link #open(String, Clock, HostDirectory)}, for a farm that also holds an outside
   * scheduler's frames: {@code externalFrames} hears when they end.
   */
  public static EmbeddedFarm open(String jdbcUrl, Clock clock,
      ExternalFrameListener externalFrames, HostDirectory hosts) {
    return new EmbeddedFarm(FarmStore.open(jdbcUrl, clock, externalFrames), hosts);
  }

  /**
   * As {@link #open(String, Clock, HostDirectory)}, with the log directories of its jobs under
   * {@code frameLogRoot}; {@code changes} is told of each change inside the transaction that
   * makes it (the event journal), those of its hosts included.
   */
  public static EmbeddedFarm open(String jdbcUrl, Clock clock, HostDirectory hosts,
      Path frameLogRoot, FarmChangeListener changes) {
    return new EmbeddedFarm(FarmStore.open(
        jdbcUrl, clock, ExternalFrameListener.NONE, frameLogRoot, changes, hosts), hosts);
  }

  /** The gRPC services to serve. */
  public FarmServices services() {
    return services;
  }

  /** For logs and {@code /config}. */
  public String describe() {
    return "embedded farm (" + store.url() + ")";
  }

  /**
   * The host named {@code host} picked the frame up: WAITING becomes RUNNING. For the worker
   * protocol and tests.
   */
  public void startFrame(String frameId, String host) {
    store.startFrame(frameId, host);
  }

  /**
   * A running frame ended with {@code exitStatus}: 0 is SUCCEEDED (which releases frames that
   * depend on it), anything else a failure that retries or ends DEAD; {@code host} ran it. For
   * the worker protocol and tests.
   */
  public void finishFrame(String frameId, int exitStatus, String host) {
    store.finishFrame(frameId, exitStatus, host);
  }

  /**
   * Runs another package's {@code work} (the worker protocol's, the bridge's) in one transaction
   * with the frames it changes.
   */
  public <T> T transaction(FarmTransaction.Work<T> work) {
    return store.transaction(work);
  }

  /** Closes the database connection, once nothing serves the farm any more. */
  @Override
  public void close() {
    store.close();
  }
}
