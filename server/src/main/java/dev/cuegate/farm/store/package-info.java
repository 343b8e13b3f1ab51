/**
 * The farm's database: shows, groups, jobs, layers, frames, dependencies, comments and filters,
 * each change one serializable transaction. Owns those tables.
 */
package dev.cuegate.farm.store;
