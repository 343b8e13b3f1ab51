package dev.cuegate.farm.store;

/**
 * A department's task for one shot: its minimum cores and the adjustment made to them on a
 * managed department, both in hundredths of a core.
 */
public record TaskRow(String id, String showId, String dept, String shot, int minCores,
    int adjustCores) {}
