package dev.cuegate.config;

/**
 * The three exclusive ways CueGate runs, decided once from the configuration
 * (docs/ARCHITECTURE.md, "Modes").
 */
public enum Mode {
  /** A gateway in front of OpenCue's Cuebot; no farm of its own. */
  GATEWAY,
  /** No Cuebot: the embedded farm serves the API and HTTP workers run its frames. */
  EMBEDDED_FARM,
  /** A gateway that is also a render host of its Cuebot, handing that host's frames to workers. */
  BRIDGE
}
