/**
 * The configuration: immutable records of plain values read once from environment variables,
 * with one error style, and the view {@code GET /config} shows. A leaf: it imports nothing else
 * of CueGate.
 */
package dev.cuegate.config;
