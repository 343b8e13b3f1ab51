/**
 * The audit log: one JSON line per operation that changes something, with who asked, what, on
 * which targets and how it ended.
 */
package dev.cuegate.audit;
