package dev.cuegate.farm.spec;

import java.util.List;

/**
 * One frame of a layer: numbered and named after the first number of its chunk, rendering every
 * number of the chunk.
 */
public record PlannedFrame(int number, String name, List<Integer> chunk) {
  public PlannedFrame {
    chunk = List.copyOf(chunk);
  }

  /** The last number of the chunk, for {@code #FRAME_END#}. */
  public int lastNumber() {
    return chunk.get(chunk.size() - 1);
  }

  /** The chunk as a range, for {@code #FRAMESPEC#}. */
  public String frameSpec() {
    return FrameRange.format(chunk);
  }
}
