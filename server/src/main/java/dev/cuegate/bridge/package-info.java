/**
 * The OpenCue bridge: CueGate as one render host of a Cuebot, serving RQD's gRPC interface,
 * storing the frames Cuebot launches for the HTTP workers and reporting back to Cuebot. Owns the
 * {@code bridge_frame} table.
 */
package dev.cuegate.bridge;
