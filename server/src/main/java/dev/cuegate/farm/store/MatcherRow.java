package dev.cuegate.farm.store;

import dev.cuegate.proto.filter.MatchSubject;
import dev.cuegate.proto.filter.MatchType;

/** One test of a filter: the job's {@code subject} compared with {@code input} by {@code type}. */
public record MatcherRow(
    String id, String filterId, MatchSubject subject, MatchType type, String input) {}
