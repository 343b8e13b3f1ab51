package dev.cuegate.farm.store;

import java.sql.SQLException;
import java.util.List;

/**
 * The farm's render hosts, which the farm does not keep itself: the worker protocol's workers
 * are its hosts. Each call runs in the caller's farm transaction.
 */
public interface HostDirectory {

  /** The hosts, by name. */
  List<HostRow> hosts(FarmTransaction tx) throws SQLException;

  /**
   * Locks the host: it takes no new work once its running work is done.
   *
   * @return false when there is no such host
   */
  boolean lock(FarmTransaction tx, String hostId) throws SQLException;

  /**
   * Unlocks the host, or withdraws a lock it has not taken yet.
   *
   * @return false when there is no such host
   */
  boolean unlock(FarmTransaction tx, String hostId) throws SQLException;
}
