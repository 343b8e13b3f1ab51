/**
 * The farm's database: shows, jobs, layers, frames, dependencies, comments, subscriptions and
 * department tasks, each change one serializable transaction. Owns those tables.
 */
package dev.cuegate.farm.store;
