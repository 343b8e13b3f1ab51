/**
 * Stopping without losing a request: the API port's drain (every request received is answered,
 * connections close after their answer) and closing steps run side by side within a bound
 * (docs/OPERATIONS.md, "Shutdown").
 */
package dev.cuegate.shutdown;
