package dev.cuegate.webhooks;

/**
 * One event on its way to one endpoint.
 *
 * @param id the event's id, sent as {@code X-CueGate-Event-Id} so receivers can drop repeats
 * @param body the event's JSON, sent as it was first queued
 */
public record Delivery(long id, String body) {}
