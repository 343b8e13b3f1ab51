/**
 * W3C trace context and OpenTelemetry spans: a server span per request, a client span per
 * upstream call, the context passed on to Cuebot.
 */
package dev.cuegate.tracing;
