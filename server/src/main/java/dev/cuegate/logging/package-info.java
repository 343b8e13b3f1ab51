/**
 * Logging set-up: plain text or JSON lines, the log file, and the request's context (request id,
 * trace id) in every line.
 */
package dev.cuegate.logging;
