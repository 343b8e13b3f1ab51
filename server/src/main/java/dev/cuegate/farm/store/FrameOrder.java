package dev.cuegate.farm.store;

import dev.cuegate.db.Sql;
import dev.cuegate.db.Transaction;
import dev.cuegate.farm.spec.FrameRange;
import dev.cuegate.proto.job.Order;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reorders and staggers a layer's frames, as Cuebot does, by rewriting their dispatch order: the
 * frames whose number a range lists move together, and the others keep their order.
 */
final class FrameOrder {
  private record Frame(String id, int number) {}

  private final Transaction c;

  FrameOrder(Transaction c) {
    this.c = c;
  }

  /** The frame numbers {@code range} lists, in its order; a bad range is refused naming it. */
  static List<Integer> numbers(String field, String range) {
    try {
      return FrameRange.parse(range.trim());
    } catch (IllegalArgumentException e) {
      throw FarmException.invalid(field + ": \"" + range + "\" is not a frame range: "
          + e.getMessage());
    }
  }

  /**
   * The frames in {@code numbers} go first (FIRST), last (LAST), or keep their places with their
   * order reversed (REVERSE).
   */
  void reorder(String layerId, List<Integer> numbers, Order order) throws SQLException {
    Set<Integer> chosen = new HashSet<>(numbers);
    List<Frame> frames = frames(layerId);
    List<Frame> picked = frames.stream().filter(f -> chosen.contains(f.number())).toList();
    List<Frame> others = frames.stream().filter(f -> !chosen.contains(f.number())).toList();
    List<Frame> result = new ArrayList<>();
    switch (order) {
      case FIRST -> {
        result.addAll(picked);
        result.addAll(others);
      }
      case LAST -> {
        result.addAll(others);
        result.addAll(picked);
      }
      case REVERSE -> {
        List<Frame> reversed = new ArrayList<>(picked);
        Collections.reverse(reversed);
        result.addAll(fill(frames, chosen, reversed));
      }
      default -> throw FarmException.invalid("order must be FIRST, LAST or REVERSE");
    }
    write(result);
  }

  /**
   * The frames {@code staggered} lists keep the places they hold among the others, taken in the
   * staggered order: every {@code stagger}-th frame first, then those between them.
   */
  void stagger(String layerId, List<Integer> staggered) throws SQLException {
    Map<Integer, Integer> rank = new HashMap<>();
    for (int i = 0; i < staggered.size(); i++) {
      rank.putIfAbsent(staggered.get(i), i);
    }
    List<Frame> frames = frames(layerId);
    List<Frame> picked = new ArrayList<>(
        frames.stream().filter(f -> rank.containsKey(f.number())).toList());
    picked.sort(Comparator.comparingInt(f -> rank.get(f.number())));
    write(fill(frames, rank.keySet(), picked));
  }

  /** {@code frames} with the places of the chosen ones taken by {@code replacement}, in order. */
  private static List<Frame> fill(List<Frame> frames, Set<Integer> chosen,
      List<Frame> replacement) {
    List<Frame> result = new ArrayList<>();
    int next = 0;
    for (Frame frame : frames) {
      result.add(chosen.contains(frame.number()) ? replacement.get(next++) : frame);
    }
    return result;
  }

  private List<Frame> frames(String layerId) throws SQLException {
    return Sql.list(c, "SELECT id, number FROM frame WHERE layer_id = ?"
            + " ORDER BY dispatch_order, number",
        row -> new Frame(row.getString(1), row.getInt(2)), layerId);
  }

  private void write(List<Frame> frames) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      rows.add(new Object[] {i, frames.get(i).id()});
    }
    Sql.batch(c, "UPDATE frame SET dispatch_order = ? WHERE id = ?", rows);
  }
}
