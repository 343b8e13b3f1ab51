/**
 * JDBC plumbing for the farm's database: the connection, serializable transactions retried on
 * conflicts, Flyway migrations of every owner's folder, and small statement helpers. It names no
 * table; each owner package keeps its own SQL (docs/ARCHITECTURE.md, "Who owns which table").
 */
package dev.cuegate.db;
