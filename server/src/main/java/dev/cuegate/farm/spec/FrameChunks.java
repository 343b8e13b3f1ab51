package dev.cuegate.farm.spec;

import java.util.ArrayList;
import java.util.List;

/** Groups a layer's frame numbers into chunks: one frame renders each run of C numbers. */
public final class FrameChunks {
  private FrameChunks() {}

  /**
   * Splits {@code numbers} into consecutive runs of {@code chunkSize} (the last run may be
   * shorter), keeping their order: {@code 1-10} in chunks of 2 gives {@code [1,2], [3,4], …}.
   * Each run becomes one frame, named after its first number.
   *
   * @throws IllegalArgumentException when {@code chunkSize} is below 1
   */
  public static List<List<Integer>> split(List<Integer> numbers, int chunkSize) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunk size " + chunkSize + " is below 1");
    }
    List<List<Integer>> chunks = new ArrayList<>();
    for (int start = 0; start < numbers.size(); start += chunkSize) {
      chunks.add(List.copyOf(numbers.subList(start, Math.min(start + chunkSize, numbers.size()))));
    }
    return List.copyOf(chunks);
  }

  /** How many frames {@code count} numbers make in chunks of {@code chunkSize}. */
  public static int frameCount(int count, int chunkSize) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunk size " + chunkSize + " is below 1");
    }
    return count / chunkSize + (count % chunkSize == 0 ? 0 : 1);
  }
}
