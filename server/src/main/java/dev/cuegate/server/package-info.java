/**
 * Wiring: the object graph built by hand from the configuration, the API port, the guard of the
 * routes people call, and the parts of each mode.
 */
package dev.cuegate.server;
