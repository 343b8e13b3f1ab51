/**
 * {@code cuegate worker}: a worker that speaks the worker protocol to a CueGate (or Flamenco
 * Manager), runs each task's commands as a process tree, and reports progress and logs.
 */
package dev.cuegate.agent;
