package dev.cuegate.worker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;

/** Reads task logs of jobs whose frames print {@code <marker>-<frame number>}. */
final class FrameLogs {
  private FrameLogs() {}

  /** The frame numbers the logs' output lines show, one entry per line found. */
  static List<Integer> framesPrinted(Collection<String> logs, String marker) {
    List<Integer> frames = new ArrayList<>();
    for (String log : logs) {
      for (String line : log.split("\n")) {
        if (line.matches(marker + "-\\d+")) {
          frames.add(Integer.parseInt(line.substring(marker.length() + 1)));
        }
      }
    }
    return frames;
  }

  static List<Integer> range(int first, int last) {
    return IntStream.rangeClosed(first, last).boxed().toList();
  }
}
