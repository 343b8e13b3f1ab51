package dev.cuegate.farm.store;

import dev.cuegate.db.Sql;

/** Editing and deleting comments on jobs, by the comment's id; each call one transaction. */
public final class JobComments {
  private final FarmStore store;

  public JobComments(FarmStore store) {
    this.store = store;
  }

  /** Sets the comment's subject and message; false when no job has a comment {@code id}. */
  public boolean save(String id, String subject, String message) {
    return store.run((c, states) -> Sql.update(c,
        "UPDATE job_comment SET subject = ?, message = ? WHERE id = ?", subject, message, id) > 0);
  }

  /** False when no job has a comment {@code id}. */
  public boolean delete(String id) {
    return store.run((c, states) ->
        Sql.update(c, "DELETE FROM job_comment WHERE id = ?", id) > 0);
  }
}
