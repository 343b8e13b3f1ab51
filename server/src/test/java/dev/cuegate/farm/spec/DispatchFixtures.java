package dev.cuegate.farm.spec;

import java.util.List;
import java.util.Map;

/** A layer and a frame of it as a dispatcher would see them. */
final class DispatchFixtures {
  private DispatchFixtures() {}

  static LayerDefinition layer(String command, String range, int chunk) {
    return new LayerDefinition(
        "render", LayerType.RENDER, command, range, chunk, 250, true, 8L * 1024 * 1024, 1,
        2L * 1024 * 1024, 0, 0, List.of("general"), List.of(), Map.of("LAYER_ONLY", "l"),
        List.of("arnold"), List.of());
  }

  /** The {@code index}-th frame of {@code layer} in job {@code testing-sh01-jdoe_comp}. */
  static FrameDispatch dispatch(LayerDefinition layer, int index) {
    PlannedFrame frame = LayerPlan.of(layer).frames().get(index);
    return new FrameDispatch(
        "testing", "sh01", "jdoe", "testing-sh01-jdoe_comp", "job-1", "layer-1", "frame-1",
        "/shots/testing/sh01/logs/testing-sh01-jdoe_comp--job-1", Map.of("JOB_ONLY", "j"), layer,
        frame);
  }
}
