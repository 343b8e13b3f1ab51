package dev.cuegate.farm.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameChunksTest {

  @Test
  void aChunkOfTwoMakesAFrameOfEveryOtherNumber() {
    List<List<Integer>> chunks = FrameChunks.split(FrameRange.parse("1-10"), 2);

    assertThat(chunks)
        .containsExactly(
            List.of(1, 2), List.of(3, 4), List.of(5, 6), List.of(7, 8), List.of(9, 10));
  }

  @Test
  void theLastChunkTakesWhatIsLeft() {
    assertThat(FrameChunks.split(FrameRange.parse("1-7"), 3))
        .containsExactly(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7));
  }

  @Test
  void chunksFollowTheOrderOfTheRangeNotTheNumbers() {
    assertThat(FrameChunks.split(FrameRange.parse("1-10:5"), 4))
        .containsExactly(List.of(1, 6, 2, 4), List.of(8, 10, 3, 5), List.of(7, 9));
  }

  @Test
  void aChunkLargerThanTheRangeMakesOneFrame() {
    assertThat(FrameChunks.split(FrameRange.parse("1-3"), Integer.MAX_VALUE))
        .containsExactly(List.of(1, 2, 3));
    assertThat(FrameChunks.frameCount(3, Integer.MAX_VALUE)).isEqualTo(1);
  }

  @Test
  void frameCountAgreesWithTheChunks() {
    for (int size = 0; size < 30; size++) {
      for (int chunk = 1; chunk < 8; chunk++) {
        List<Integer> numbers = size == 0 ? List.of() : FrameRange.parse("1-" + size);

        assertThat(FrameChunks.frameCount(size, chunk))
            .isEqualTo(FrameChunks.split(numbers, chunk).size());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void aChunkSizeBelowOneIsRejected(int chunk) {
    assertThatThrownBy(() -> FrameChunks.split(List.of(1, 2), chunk))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FrameChunks.frameCount(2, chunk))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
