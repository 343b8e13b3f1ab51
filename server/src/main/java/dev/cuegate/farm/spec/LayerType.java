package dev.cuegate.farm.spec;

/** What a layer does, as the spec's {@code type} attribute names it. */
public enum LayerType {
  RENDER,
  UTIL,
  /** Runs after the rest of the job; Cuebot moves such layers into a separate post job. */
  POST
}
