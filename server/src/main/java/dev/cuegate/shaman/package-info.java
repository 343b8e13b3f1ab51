/**
 * The Shaman file store, compatible with Flamenco Manager: content-addressed uploads, checkouts
 * of symlinks, garbage collection of unreferenced blobs. Keeps its own guard for Flamenco's
 * clients.
 */
package dev.cuegate.shaman;
