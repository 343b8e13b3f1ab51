package dev.cuegate.farm.store;

/** A limit with the frames of layers naming it that run now. */
public record LimitRow(String id, String name, int maxValue, int running) {}
