/**
 * Background tasks on a schedule of their own thread (timeout sweeps, garbage collection,
 * reports).
 */
package dev.cuegate.schedule;
