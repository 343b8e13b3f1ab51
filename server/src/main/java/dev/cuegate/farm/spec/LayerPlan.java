package dev.cuegate.farm.spec;

import java.util.List;

/** A layer and the frames it is made of, in dispatch order. */
public record LayerPlan(LayerDefinition layer, List<PlannedFrame> frames) {
  public LayerPlan {
    frames = List.copyOf(frames);
  }

  /** The layer's frames: its range in chunks, each named after its first number. */
  public static LayerPlan of(LayerDefinition layer) {
    List<PlannedFrame> frames =
        FrameChunks.split(FrameRange.parse(layer.range()), layer.chunk()).stream()
            .map(chunk -> new PlannedFrame(chunk.get(0), frameName(chunk, layer), chunk))
            .toList();
    return new LayerPlan(layer, frames);
  }

  private static String frameName(List<Integer> chunk, LayerDefinition layer) {
    return Names.frame(chunk.get(0), layer.name());
  }
}
