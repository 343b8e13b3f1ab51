package dev.cuegate.farm.store;

import dev.cuegate.proto.filter.FilterType;

/** A show's filter; {@code order} counts from 1, the first filter applied. */
public record FilterRow(
    String id, String showId, String name, FilterType type, int order, boolean enabled) {}
