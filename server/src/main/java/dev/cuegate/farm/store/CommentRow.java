package dev.cuegate.farm.store;

/** A comment on a job; {@code created} in epoch seconds. */
public record CommentRow(String id, long created, String user, String subject, String message) {}
