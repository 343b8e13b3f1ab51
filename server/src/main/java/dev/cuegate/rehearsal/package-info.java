/**
 * A rehearsal of the service's work for the JVM to learn from: CueGate in front of a canned
 * Cuebot answers real HTTP calls for a few seconds, then does the same as the embedded farm.
 * {@code bin/cuegate} runs it once per build and has the JVM record what it loaded, linked and
 * profiled (the class-data archive on 17, the ahead-of-time cache on 25 and later), so that a real
 * start and its first calls skip that work (docs/PERFORMANCE.md, "Cold start").
 */
package dev.cuegate.rehearsal;
