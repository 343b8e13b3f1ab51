package dev.cuegate.testing;

import dev.cuegate.proto.job.Frame;
import dev.cuegate.proto.job.FrameSearchCriteria;
import java.util.List;

/**
 * Cuebot's frame search: ids, names, layer names and states narrow the frames; {@code page}
 * (1-based) and {@code limit} cut one page out of the result.
 *
 * <p>{@code include_finished} does not filter frames in Cuebot (only job searches read it), so it
 * does not here either: CueWeb sends it and still expects succeeded frames.
 */
final class FrameCriteria {

  /** Cuebot's page size when the request names none. */
  static final int DEFAULT_LIMIT = 1000;

  private FrameCriteria() {}

  /** The frames matching {@code criteria}, without paging. */
  static List<Frame> select(List<Frame> frames, FrameSearchCriteria criteria) {
    return frames.stream()
        .filter(f -> anyOrEmpty(criteria.getIdsList(), f.getId()))
        .filter(f -> anyOrEmpty(criteria.getFramesList(), f.getName()))
        .filter(f -> anyOrEmpty(criteria.getLayersList(), f.getLayerName()))
        .filter(f -> anyOrEmpty(criteria.getStates().getFrameStatesList(), f.getState()))
        .toList();
  }

  private static <T> boolean anyOrEmpty(List<T> values, T value) {
    return values.isEmpty() || values.contains(value);
  }

  /** One page of the frames matching {@code criteria}. */
  static List<Frame> page(List<Frame> frames, FrameSearchCriteria criteria) {
    if (criteria.getPage() < 0 || criteria.getLimit() < 0) {
      throw FarmState.invalid("page and limit must not be negative");
    }
    List<Frame> selected = select(frames, criteria);
    int limit = criteria.getLimit() == 0 ? DEFAULT_LIMIT : criteria.getLimit();
    long from = (long) (Math.max(criteria.getPage(), 1) - 1) * limit;
    if (from >= selected.size()) {
      return List.of();
    }
    return selected.subList((int) from, (int) Math.min(selected.size(), from + limit));
  }
}
