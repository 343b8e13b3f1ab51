package dev.cuegate.farm.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FrameRangeTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "5; 5",
        "1-5; 1,2,3,4,5",
        "1,5,9; 1,5,9",
        "10-1; 10,9,8,7,6,5,4,3,2,1",
        "-5--1; -5,-4,-3,-2,-1",
        "3--2; 3,2,1,0,-1,-2",
        "-3; -3",
        "1-10x3; 1,4,7,10",
        "1-100x33; 1,34,67,100",
        "1-10y3; 2,3,5,6,8,9",
        "10-1x-3; 10,7,4,1",
        "10-1y-3; 9,8,6,5,3,2",
        "1-10:5; 1,6,2,4,8,10,3,5,7,9",
        "10-1:-4; 10,6,2,9,7,5,3,1,8,4",
        "1-2:8; 1,2",
        "5-5x3; 5",
        "1-3,10,20-22; 1,2,3,10,20,21,22",
        " 1-3 , 7 ; 1,2,3,7",
      })
  void rangesExpandAsOpenCueExpandsThem(String range, String expected) {
    assertThat(FrameRange.parse(range)).isEqualTo(numbers(expected));
  }

  @Test
  void aNumberListedTwiceKeepsItsFirstPlace() {
    assertThat(FrameRange.parse("5-7,1-6,3")).containsExactly(5, 6, 7, 1, 2, 3, 4);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", " ", "x", "1-", "-", "1-x", "1--", "1-10x", "1-10z2", "1,,2", "1,", ",1", "1.5",
        "1-10x2x2", "1 - 10", "one", "1-10:", "1-10y"
      })
  void malformedRangesAreRejected(String range) {
    assertThatThrownBy(() -> FrameRange.parse(range)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1-10x0", "1-10y0", "1-10:0", "10-1x-0"})
  void aStepOfZeroIsRejected(String range) {
    assertThatThrownBy(() -> FrameRange.parse(range))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("step of 0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1-10x-1", "10-1x2", "10-1x1", "1-10y-2", "10-1:3", "1-10:-2", "5-5x-1"})
  void aStepAgainstTheDirectionOfTheRangeIsRejected(String range) {
    assertThatThrownBy(() -> FrameRange.parse(range))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("steps");
  }

  @Test
  void numbersBeyond32BitsAreRejected() {
    assertThatThrownBy(() -> FrameRange.parse("1-2147483648"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bits");
  }

  @Test
  void theExtremesOf32BitsStillParse() {
    assertThat(FrameRange.parse("2147483646-2147483647,-2147483648"))
        .containsExactly(2147483646, 2147483647, -2147483648);
  }

  @Test
  void aRangeOfMoreThanAMillionNumbersIsRejectedWithoutExpandingIt() {
    assertThatThrownBy(() -> FrameRange.parse("-2147483648-2147483647"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 1000000");
    assertThatThrownBy(() -> FrameRange.parse("1-600000,1-600000"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMillionNumbersAreAccepted() {
    assertThat(FrameRange.parse("1-1000000")).hasSize(FrameRange.MAX_NUMBERS);
  }

  @Test
  void aWideSparseRangeCountsOnlyItsFrames() {
    assertThat(FrameRange.parse("1-2000000000x1000000000")).containsExactly(1, 1000000001);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "1; 1",
        "1,2; 1-2",
        "1,2,3,4,5; 1-5",
        "1,3,5; 1-5x2",
        "1,3; 1,3",
        "1,3,5,7,9; 1-9x2",
        "1,2,3,10,20,30; 1-3,10-30x10",
        "5,4,3; 5-3",
        "9,6,3; 9-3x-3",
        "-3,-2,-1,0; -3-0",
        "1,2,4,8; 1-2,4,8",
      })
  void framesFormatAsTheShortestRange(String frames, String expected) {
    assertThat(FrameRange.format(numbers(frames))).isEqualTo(expected);
  }

  @Test
  void formattingNothingOrRepeatsIsRefused() {
    assertThatThrownBy(() -> FrameRange.format(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FrameRange.format(List.of(1, 2, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLongContiguousRunFormatsAsOnePart() {
    List<Integer> frames = IntStream.rangeClosed(1, 1000).boxed().toList();

    assertThat(FrameRange.format(frames)).isEqualTo("1-1000");
  }

  static List<Integer> numbers(String commaSeparated) {
    return java.util.Arrays.stream(commaSeparated.split(","))
        .map(String::strip)
        .map(Integer::valueOf)
        .collect(Collectors.toList());
  }
}
