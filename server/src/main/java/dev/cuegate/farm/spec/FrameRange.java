package dev.cuegate.farm.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenCue's frame range syntax: parses {@code 1-10x2,20,30-25} into frame numbers and renders a
 * list of numbers back into the shortest such text.
 */
public final class FrameRange {
  /**
   * The most numbers one range may hold, counted before duplicates are dropped. OpenCue caps a job
   * at 100,000 frames; chunking may put many numbers in one frame, so this cap is higher but still
   * keeps a hostile range such as {@code 1-2000000000} from exhausting memory.
   */
  public static final int MAX_NUMBERS = 1_000_000;

  private static final Pattern PART =
      Pattern.compile("(-?\\d+)(?:-(-?\\d+)(?:([xy:])(-?\\d+))?)?");

  private FrameRange() {}

  /**
   * The frame numbers of {@code text}, in the order the range lists them. A number that an
   * earlier part already listed is dropped, so every frame exists once and keeps its first
   * position (OpenCue would create the frame twice and fail on the duplicate name).
   *
   * @throws IllegalArgumentException naming what is wrong with the text
   */
  public static List<Integer> parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the range is empty");
    }
    LinkedHashSet<Integer> numbers = new LinkedHashSet<>();
    long listed = 0;
    for (String part : text.split(",", -1)) {
      String trimmed = part.strip();
      Matcher matcher = PART.matcher(trimmed);
      if (!matcher.matches()) {
        throw new IllegalArgumentException(
            trimmed.isEmpty()
                ? "a part is empty"
                : "\"" + trimmed + "\" is not N, A-B, A-BxS, A-ByS or A-B:S");
      }
      Part parsed = Part.of(matcher, trimmed);
      listed += parsed.count();
      if (listed > MAX_NUMBERS) {
        throw new IllegalArgumentException("more than " + MAX_NUMBERS + " frame numbers");
      }
      parsed.addTo(numbers);
    }
    return List.copyOf(numbers);
  }

  /**
   * Renders distinct frame numbers as a range that {@link #parse} reads back as the same list, in
   * the same order: runs of a constant step become {@code A-B} or {@code A-BxS}, everything else a
   * single number.
   *
   * @throws IllegalArgumentException when the list is empty or holds a number twice
   */
  public static String format(List<Integer> numbers) {
    if (numbers.isEmpty()) {
      throw new IllegalArgumentException("no frame numbers to format");
    }
    if (new LinkedHashSet<>(numbers).size() != numbers.size()) {
      throw new IllegalArgumentException("frame numbers repeat: " + numbers);
    }
    List<String> parts = new ArrayList<>();
    int start = 0;
    while (start < numbers.size()) {
      int end = runEnd(numbers, start);
      int length = end - start + 1;
      long step = length > 1 ? (long) numbers.get(start + 1) - numbers.get(start) : 0;
      if (length >= 3 || (length == 2 && Math.abs(step) == 1)) {
        String span = numbers.get(start) + "-" + numbers.get(end);
        parts.add(Math.abs(step) == 1 ? span : span + "x" + step);
        start = end + 1;
      } else {
        parts.add(String.valueOf(numbers.get(start)));
        start++;
      }
    }
    return String.join(",", parts);
  }

  /** The index of the last number of the constant-step run that starts at {@code start}. */
  private static int runEnd(List<Integer> numbers, int start) {
    if (start + 1 >= numbers.size()) {
      return start;
    }
    long step = (long) numbers.get(start + 1) - numbers.get(start);
    int end = start + 1;
    while (end + 1 < numbers.size() && (long) numbers.get(end + 1) - numbers.get(end) == step) {
      end++;
    }
    return end;
  }

  /** One comma-separated part, checked but not yet expanded. */
  private record Part(long first, long last, long step, char kind) {
    static Part of(Matcher matcher, String text) {
      long first = number(matcher.group(1), text);
      if (matcher.group(2) == null) {
        return new Part(first, first, 1, 'x');
      }
      long last = number(matcher.group(2), text);
      long direction = last >= first ? 1 : -1;
      if (matcher.group(3) == null) {
        return new Part(first, last, direction, 'x');
      }
      long step = number(matcher.group(4), text);
      if (step == 0) {
        throw new IllegalArgumentException("\"" + text + "\" has a step of 0");
      }
      if (Long.signum(step) != direction) {
        throw new IllegalArgumentException(
            "\"" + text + "\" steps " + (step > 0 ? "up" : "down") + " but runs "
                + (direction > 0 ? "up" : "down"));
      }
      return new Part(first, last, step, matcher.group(3).charAt(0));
    }

    private static long number(String digits, String text) {
      try {
        return Integer.parseInt(digits);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("\"" + text + "\" has a number beyond 32 bits", e);
      }
    }

    long span() {
      return Math.abs(last - first) + 1;
    }

    long count() {
      long stepped = (span() - 1) / Math.abs(step) + 1;
      return switch (kind) {
        case 'y' -> span() - stepped;
        case ':' -> span();
        default -> stepped;
      };
    }

    void addTo(Collection<Integer> numbers) {
      switch (kind) {
        case 'y' -> addComplement(numbers);
        case ':' -> addInterleaved(numbers);
        default -> addStepped(first, step, numbers);
      }
    }

    private void addStepped(long from, long by, Collection<Integer> numbers) {
      for (long n = from; by > 0 ? n <= last : n >= last; n += by) {
        numbers.add((int) n);
      }
    }

    private void addComplement(Collection<Integer> numbers) {
      long direction = Long.signum(step);
      for (long n = first; direction > 0 ? n <= last : n >= last; n += direction) {
        if ((n - first) % step != 0) {
          numbers.add((int) n);
        }
      }
    }

    /**
     * OpenCue's interleave: every S-th frame, then every (S/2)-th starting one frame further on,
     * and so on down to a step of 1; a frame already listed is not listed again.
     */
    private void addInterleaved(Collection<Integer> numbers) {
      long direction = Long.signum(step);
      long from = first;
      for (long by = step; by != 0; by /= 2) {
        addStepped(from, by, numbers);
        from += direction;
      }
    }
  }
}
