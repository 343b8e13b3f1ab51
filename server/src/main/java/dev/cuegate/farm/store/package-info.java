/**
 * The farm's database: shows, jobs, layers, frames, dependencies and comments, each change one
 * serializable transaction. Owns those tables.
 */
package dev.cuegate.farm.store;
