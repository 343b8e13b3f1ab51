package dev.cuegate.farm.store;

import dev.cuegate.proto.host.HardwareState;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The farm's render hosts, which the farm does not keep itself: the worker protocol's workers
 * are its hosts. Each call runs in the caller's farm transaction.
 */
public interface HostDirectory {
  /** The tag of the farm's one allocation, {@code local.general}, which every host has. */
  String ALLOCATION_TAG = "general";

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

  /** The host's comments, oldest first. */
  List<CommentRow> comments(FarmTransaction tx, String hostId) throws SQLException;

  /** Adds {@code comment} (its id and time given) to the host. */
  void addComment(FarmTransaction tx, String hostId, CommentRow comment) throws SQLException;

  /** The host that has the comment {@code commentId}; empty when no host has it. */
  Optional<String> hostOfComment(FarmTransaction tx, String commentId) throws SQLException;

  /** Replaces the subject and message of a host's comment, which exists. */
  void saveComment(FarmTransaction tx, String commentId, String subject, String message)
      throws SQLException;

  /** Deletes a host's comment, which exists. */
  void deleteComment(FarmTransaction tx, String commentId) throws SQLException;

  /** Gives the host {@code tags} (valid tags) besides those it has. */
  void addTags(FarmTransaction tx, String hostId, List<String> tags) throws SQLException;

  /** Takes {@code tags} from the host; tags it has by itself stay, as an allocation's do. */
  void removeTags(FarmTransaction tx, String hostId, List<String> tags) throws SQLException;

  /** Renames a tag added to the host; tags it has by itself stay as they are. */
  void renameTag(FarmTransaction tx, String hostId, String oldTag, String newTag)
      throws SQLException;

  /**
   * Sets the host's hardware state: {@code UP} lets it follow its own state again;
   * {@code DOWN} and {@code REPAIR} keep it from new frames.
   */
  void setHardwareState(FarmTransaction tx, String hostId, HardwareState state)
      throws SQLException;

  /** Asks the host to restart: at once (its running frame stops) or once it is idle. */
  void reboot(FarmTransaction tx, String hostId, boolean whenIdle) throws SQLException;

  /** Forgets the host, which runs no frame, with its tags and comments. */
  void delete(FarmTransaction tx, String hostId) throws SQLException;
}
