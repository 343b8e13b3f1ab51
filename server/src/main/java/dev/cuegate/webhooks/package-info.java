/**
 * Webhooks: signed POSTs of farm events to the endpoints {@code WEBHOOKS_FILE} lists, retried
 * with backoff and kept under {@code DATA_DIR} until acknowledged (docs/EVENTS.md, "Webhooks").
 */
package dev.cuegate.webhooks;
