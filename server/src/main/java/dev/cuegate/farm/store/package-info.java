/**
 * The farm's database: shows, jobs, layers, frames, dependencies, comments, limits and services,
 * each change one serializable transaction. Owns those tables.
 */
package dev.cuegate.farm.store;
