package dev.cuegate.farm.store;

import dev.cuegate.proto.job.FrameState;
import java.util.EnumMap;
import java.util.Map;

/** How many frames are in each state; the source of every stats message. */
public record FrameCounts(Map<FrameState, Integer> byState) {
  public static final FrameCounts NONE = new FrameCounts(Map.of());

  public FrameCounts {
    byState = Map.copyOf(byState);
  }

  public int get(FrameState state) {
    return byState.getOrDefault(state, 0);
  }

  public int total() {
    return byState.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Frames that have not run yet: waiting for a host or for a dependency. */
  public int pending() {
    return get(FrameState.WAITING) + get(FrameState.DEPEND);
  }

  /** Frames that no longer need to run. */
  public int done() {
    return get(FrameState.SUCCEEDED) + get(FrameState.EATEN);
  }

  FrameCounts plus(FrameCounts other) {
    Map<FrameState, Integer> sum = new EnumMap<>(FrameState.class);
    sum.putAll(byState);
    other.byState.forEach((state, count) -> sum.merge(state, count, Integer::sum));
    return new FrameCounts(sum);
  }
}
