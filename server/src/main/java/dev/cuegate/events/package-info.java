/**
 * What changes on a farm, pushed to clients: the event model, a bus with a bounded buffer and
 * monotonic ids, {@code GET /events} as Server-Sent Events, and the watcher that turns a
 * backend's answers into events while someone listens (docs/EVENTS.md).
 */
package dev.cuegate.events;
