/**
 * The farm's database: shows, groups, jobs, layers, frames, dependencies, comments, filters,
 * limits, services, subscriptions and department tasks, each change one serializable
 * transaction. Owns those tables. Tells a {@link dev.cuegate.farm.store.FarmChangeListener} of
 * each change clients may hear of, inside its transaction (docs/ARCHITECTURE.md, "The farm's
 * change port").
 */
package dev.cuegate.farm.store;
