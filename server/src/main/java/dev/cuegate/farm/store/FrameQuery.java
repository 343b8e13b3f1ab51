package dev.cuegate.farm.store;

import dev.cuegate.proto.job.FrameState;
import java.util.List;
import java.util.Set;

/**
 * Which frames of a job or layer, as OpenCue's FrameSearchCriteria says it: every non-empty
 * filter must match, then one page (1-based) of at most {@code limit} frames in dispatch order.
 *
 * @param numbers the frame numbers of {@code frame_range}, empty for any
 */
public record FrameQuery(
    List<String> ids,
    List<String> names,
    List<String> layers,
    Set<FrameState> states,
    Set<Integer> numbers,
    int page,
    int limit) {

  /** Cuebot's page size when a request gives none. */
  public static final int DEFAULT_LIMIT = 1000;

  /** Every frame, unpaged. */
  public static final FrameQuery ALL =
      new FrameQuery(List.of(), List.of(), List.of(), Set.of(), Set.of(), 1, Integer.MAX_VALUE);

  public FrameQuery {
    ids = List.copyOf(ids);
    names = List.copyOf(names);
    layers = List.copyOf(layers);
    states = Set.copyOf(states);
    numbers = Set.copyOf(numbers);
    page = Math.max(page, 1);
    limit = limit > 0 ? limit : DEFAULT_LIMIT;
  }

  boolean matches(FrameRow frame) {
    return (ids.isEmpty() || ids.contains(frame.id()))
        && (names.isEmpty() || names.contains(frame.name()))
        && (layers.isEmpty() || layers.contains(frame.layerName()))
        && (states.isEmpty() || states.contains(frame.state()))
        && (numbers.isEmpty() || numbers.contains(frame.number()));
  }

  List<FrameRow> page(List<FrameRow> frames) {
    List<FrameRow> matching = frames.stream().filter(this::matches).toList();
    long from = (long) (page - 1) * limit;
    if (from >= matching.size()) {
      return List.of();
    }
    return matching.subList((int) from, (int) Math.min(matching.size(), from + limit));
  }
}
