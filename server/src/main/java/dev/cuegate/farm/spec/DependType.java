package dev.cuegate.farm.spec;

/**
 * The kinds of dependency a spec may declare, with the names each one needs besides the two jobs:
 * the depending ("depend-er") side first, then the side depended on.
 */
public enum DependType {
  JOB_ON_JOB(false, false, false, false),
  JOB_ON_LAYER(false, false, true, false),
  JOB_ON_FRAME(false, false, false, true),
  LAYER_ON_JOB(true, false, false, false),
  LAYER_ON_LAYER(true, false, true, false),
  LAYER_ON_FRAME(true, false, false, true),
  LAYER_ON_SIM_FRAME(true, false, false, true),
  FRAME_ON_JOB(false, true, false, false),
  FRAME_ON_LAYER(false, true, true, false),
  FRAME_ON_FRAME(false, true, false, true),
  FRAME_BY_FRAME(true, false, true, false),
  PREVIOUS_FRAME(true, false, true, false);

  private final boolean needsDependLayer;
  private final boolean needsDependFrame;
  private final boolean needsOnLayer;
  private final boolean needsOnFrame;

  DependType(
      boolean needsDependLayer, boolean needsDependFrame, boolean needsOnLayer,
      boolean needsOnFrame) {
    this.needsDependLayer = needsDependLayer;
    this.needsDependFrame = needsDependFrame;
    this.needsOnLayer = needsOnLayer;
    this.needsOnFrame = needsOnFrame;
  }

  /** Whether {@code <deplayer>} must be given. */
  public boolean needsDependLayer() {
    return needsDependLayer;
  }

  /** Whether {@code <depframe>} must be given (a frame name carries its layer). */
  public boolean needsDependFrame() {
    return needsDependFrame;
  }

  /** Whether {@code <onlayer>} must be given. */
  public boolean needsOnLayer() {
    return needsOnLayer;
  }

  /** Whether {@code <onframe>} must be given. */
  public boolean needsOnFrame() {
    return needsOnFrame;
  }
}
