package dev.cuegate.farm.spec;

import static dev.cuegate.testing.RandomChecks.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FrameRangeProperties {

  @Test
  void parsingAgreesWithABruteForceReadingOfEveryPart() {
    forAll(
        3000,
        random -> {
          List<String> parts = new ArrayList<>();
          Set<Integer> expected = new LinkedHashSet<>();
          for (int i = 0; i < 1 + random.nextInt(4); i++) {
            Part part = Part.random(random);
            parts.add(part.text());
            expected.addAll(part.bruteForce());
          }

          assertThat(FrameRange.parse(String.join(",", parts)))
              .containsExactlyElementsOf(expected);
        });
  }

  @Test
  void everyNumberOfAnInterleavedRangeComesExactlyOnce() {
    forAll(
        1000,
        random -> {
          int first = random.nextInt(200) - 100;
          int last = random.nextInt(200) - 100;
          int step = (1 + random.nextInt(20)) * (last >= first ? 1 : -1);

          List<Integer> frames = FrameRange.parse(first + "-" + last + ":" + step);
          List<Integer> all = FrameRange.parse(first + "-" + last);

          assertThat(new TreeSet<>(frames)).containsExactlyElementsOf(new TreeSet<>(all));
          assertThat(frames).doesNotHaveDuplicates().startsWith(first);
        });
  }

  @Test
  void formattedSortedFramesParseBackToThemselves() {
    forAll(
        3000,
        random -> {
          List<Integer> frames = new ArrayList<>(distinctFrames(random));
          Collections.sort(frames);

          assertThat(FrameRange.parse(FrameRange.format(frames))).isEqualTo(frames);
        });
  }

  @Test
  void formattedFramesInAnyOrderParseBackToThemselves() {
    forAll(
        3000,
        random -> {
          List<Integer> frames = new ArrayList<>(distinctFrames(random));

          assertThat(FrameRange.parse(FrameRange.format(frames))).isEqualTo(frames);
        });
  }

  @Test
  void chunksOfAParsedRangeFormatBackToTheirFrames() {
    forAll(
        1000,
        random -> {
          Part part = Part.random(random);
          List<Integer> frames = FrameRange.parse(part.text());
          if (frames.isEmpty()) {
            return;
          }

          for (List<Integer> chunk : FrameChunks.split(frames, 1 + random.nextInt(7))) {
            assertThat(FrameRange.parse(FrameRange.format(chunk))).isEqualTo(chunk);
          }
        });
  }

  /** Mostly runs with a step, sometimes scattered numbers, sometimes near the 32-bit limits. */
  private static Set<Integer> distinctFrames(Random random) {
    Set<Integer> frames = new LinkedHashSet<>();
    int base = random.nextInt(10) == 0 ? Integer.MAX_VALUE - 300 : random.nextInt(400) - 200;
    if (random.nextInt(10) == 1) {
      base = Integer.MIN_VALUE;
    }
    int count = 1 + random.nextInt(30);
    while (frames.size() < count) {
      int kind = random.nextInt(3);
      int step = 1 + random.nextInt(kind == 0 ? 1 : 5);
      int length = 1 + random.nextInt(8);
      long start = (long) base + random.nextInt(200);
      for (int i = 0; i < length && frames.size() < count; i++) {
        long frame = start + (long) i * step * (random.nextBoolean() ? 1 : -1);
        if (frame >= Integer.MIN_VALUE && frame <= Integer.MAX_VALUE) {
          frames.add((int) frame);
        }
      }
    }
    return frames;
  }

  /** One valid part of a range and what it means, worked out by testing every candidate number. */
  private record Part(int first, int last, int step, char kind) {
    static Part random(Random random) {
      int first = random.nextInt(120) - 60;
      int last = random.nextInt(120) - 60;
      int direction = last >= first ? 1 : -1;
      int step = (1 + random.nextInt(12)) * direction;
      char kind = "nrxy:".charAt(random.nextInt(5));
      return switch (kind) {
        case 'n' -> new Part(first, first, 1, 'n');
        case 'r' -> new Part(first, last, direction, 'r');
        default -> new Part(first, last, step, kind);
      };
    }

    String text() {
      return switch (kind) {
        case 'n' -> String.valueOf(first);
        case 'r' -> first + "-" + last;
        default -> first + "-" + last + kind + step;
      };
    }

    List<Integer> bruteForce() {
      List<Integer> inOrder = new ArrayList<>();
      for (int n = first; ; n += Integer.signum(step)) {
        inOrder.add(n);
        if (n == last) {
          break;
        }
      }
      return switch (kind) {
        case 'n', 'r' -> inOrder;
        case 'x' -> inOrder.stream().filter(n -> (n - first) % step == 0).toList();
        case 'y' -> inOrder.stream().filter(n -> (n - first) % step != 0).toList();
        default -> interleaved(inOrder);
      };
    }

    private List<Integer> interleaved(List<Integer> inOrder) {
      Set<Integer> frames = new LinkedHashSet<>();
      int offset = 0;
      for (int level = step; level != 0; level /= 2, offset++) {
        int start = first + offset * Integer.signum(step);
        int by = level;
        for (int n : inOrder) {
          boolean atOrAfterStart = step > 0 ? n >= start : n <= start;
          if (atOrAfterStart && (n - start) % by == 0) {
            frames.add(n);
          }
        }
      }
      return List.copyOf(frames);
    }
  }
}
