package dev.cuegate.worker;

import dev.cuegate.db.Sql;
import dev.cuegate.db.Transaction;
import dev.cuegate.farm.store.CommentRow;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What operators keep about workers as OpenCue hosts (tags they added, comments, a hardware
 * state), and forgetting a worker, inside one transaction. SQL only.
 */
final class HostRepository {
  private final Transaction tx;

  HostRepository(Transaction tx) {
    this.tx = tx;
  }

  // Tags

  /** The tags operators added to each worker, sorted. */
  Map<String, List<String>> addedTags() throws SQLException {
    Map<String, List<String>> tags = new HashMap<>();
    Sql.list(tx, "SELECT worker_id, tag FROM worker_tag ORDER BY worker_id, tag",
        row -> new String[] {row.getString(1), row.getString(2)})
        .forEach(pair -> tags.computeIfAbsent(pair[0], id -> new ArrayList<>()).add(pair[1]));
    return tags;
  }

  /** The tags operators added to the worker, sorted. */
  List<String> addedTags(String workerId) throws SQLException {
    return Sql.list(tx, "SELECT tag FROM worker_tag WHERE worker_id = ? ORDER BY tag",
        row -> row.getString(1), workerId);
  }

  void addTag(String workerId, String tag) throws SQLException {
    if (Sql.count(tx, "SELECT COUNT(*) FROM worker_tag WHERE worker_id = ? AND tag = ?",
        workerId, tag) == 0) {
      Sql.update(tx, "INSERT INTO worker_tag (worker_id, tag) VALUES (?, ?)", workerId, tag);
    }
  }

  void removeTag(String workerId, String tag) throws SQLException {
    Sql.update(tx, "DELETE FROM worker_tag WHERE worker_id = ? AND tag = ?", workerId, tag);
  }

  // Hardware state

  /** Each worker's hardware state as an operator set it; workers without one are left out. */
  Map<String, String> hardwareStates() throws SQLException {
    Map<String, String> states = new HashMap<>();
    Sql.list(tx, "SELECT id, hardware_state FROM worker WHERE hardware_state <> ''",
        row -> new String[] {row.getString(1), row.getString(2)})
        .forEach(pair -> states.put(pair[0], pair[1]));
    return states;
  }

  /** The worker's hardware state as an operator set it; empty when none. */
  String hardwareState(String workerId) throws SQLException {
    return Sql.one(tx, "SELECT hardware_state FROM worker WHERE id = ?",
        row -> row.getString(1), workerId).orElse("");
  }

  void setHardwareState(String workerId, String state) throws SQLException {
    Sql.update(tx, "UPDATE worker SET hardware_state = ? WHERE id = ?", state, workerId);
  }

  // Comments

  List<CommentRow> comments(String workerId) throws SQLException {
    return Sql.list(tx, "SELECT id, created, author, subject, message FROM worker_comment"
            + " WHERE worker_id = ? ORDER BY created, id",
        row -> new CommentRow(row.getString(1), row.getLong(2), row.getString(3),
            row.getString(4), row.getString(5)), workerId);
  }

  void insertComment(String workerId, CommentRow comment) throws SQLException {
    Sql.update(tx, "INSERT INTO worker_comment (id, worker_id, created, author, subject,"
            + " message) VALUES (?, ?, ?, ?, ?, ?)", comment.id(), workerId, comment.created(),
        comment.user(), comment.subject(), comment.message());
  }

  Optional<String> workerOfComment(String commentId) throws SQLException {
    return Sql.one(tx, "SELECT worker_id FROM worker_comment WHERE id = ?",
        row -> row.getString(1), commentId);
  }

  void updateComment(String commentId, String subject, String message) throws SQLException {
    Sql.update(tx, "UPDATE worker_comment SET subject = ?, message = ? WHERE id = ?",
        subject, message, commentId);
  }

  void deleteComment(String commentId) throws SQLException {
    Sql.update(tx, "DELETE FROM worker_comment WHERE id = ?", commentId);
  }

  // Forgetting

  /**
   * Deletes the worker and what is its alone; its past tasks stay, with nobody as their worker.
   */
  void deleteWorker(String workerId) throws SQLException {
    Sql.update(tx, "DELETE FROM worker_tag WHERE worker_id = ?", workerId);
    Sql.update(tx, "DELETE FROM worker_comment WHERE worker_id = ?", workerId);
    Sql.update(tx, "DELETE FROM worker_blocklist WHERE worker_id = ?", workerId);
    Sql.update(tx, "DELETE FROM worker_task_failure WHERE worker_id = ?", workerId);
    Sql.update(tx, "UPDATE worker_task SET worker_id = NULL WHERE worker_id = ?", workerId);
    Sql.update(tx, "DELETE FROM worker WHERE id = ?", workerId);
  }
}
