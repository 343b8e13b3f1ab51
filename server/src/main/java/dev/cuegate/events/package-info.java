/**
 * What changes on a farm, pushed to clients: the event model, a bus with a bounded buffer and
 * monotonic ids, {@code GET /events} as Server-Sent Events, the journal that turns the embedded
 * farm's committed changes into events (and owns the {@code event_journal} table), and the watcher
 * that turns a Cuebot's answers into events while someone listens (docs/EVENTS.md).
 */
package dev.cuegate.events;
