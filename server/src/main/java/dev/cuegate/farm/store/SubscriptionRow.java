package dev.cuegate.farm.store;

/**
 * A show's subscription to the farm's one allocation as it was last set: size and burst in
 * hundredths of a core; {@code deleted} once it was deleted and not created again.
 */
public record SubscriptionRow(String showId, int size, int burst, boolean deleted) {}
