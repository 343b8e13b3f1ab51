package dev.cuegate.farm.service;

import dev.cuegate.proto.comment.Comment;

/**
 * A kind of comment {@code comment.CommentInterface} edits (on jobs, on hosts, ...): each answers
 * whether it had the comment, so that the next source is asked when it did not.
 */
interface CommentSource {
  /** Stores the comment's subject and message; false when this source has no such comment. */
  boolean save(Comment comment);

  /** False when this source has no such comment. */
  boolean delete(String id);
}
