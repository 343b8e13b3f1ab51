package dev.cuegate.farm.store;

import dev.cuegate.db.Sql;
import dev.cuegate.db.Transaction;
import dev.cuegate.proto.job.FrameState;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Limits inside the caller's transaction. Layers name their limits (the layer's {@code limits}
 * column, as the spec gave them), so renaming or deleting a limit rewrites the layers naming it.
 */
final class Limits {
  private final Transaction c;

  Limits(Transaction c) {
    this.c = c;
  }

  /** Every limit, by name, with its running frames. */
  List<LimitRow> all() throws SQLException {
    Map<String, Integer> running = running();
    return Sql.list(c, "SELECT id, name, max_value FROM farm_limit ORDER BY name",
        row -> new LimitRow(row.getString(1), row.getString(2), row.getInt(3),
            running.getOrDefault(row.getString(2), 0)));
  }

  Optional<LimitRow> byName(String name) throws SQLException {
    return all().stream().filter(limit -> limit.name().equals(name)).findFirst();
  }

  Optional<LimitRow> byId(String id) throws SQLException {
    return all().stream().filter(limit -> limit.id().equals(id)).findFirst();
  }

  /** @throws FarmException NOT_FOUND naming the limit */
  LimitRow named(String name) throws SQLException {
    return byName(name).orElseThrow(
        () -> FarmException.notFound("limit \"" + name + "\" does not exist"));
  }

  /** @throws FarmException NOT_FOUND naming the limit */
  LimitRow withId(String id) throws SQLException {
    return byId(id).orElseThrow(() -> FarmException.notFound("limit " + id + " does not exist"));
  }

  /** Running frames per limit name: those of layers that name it. */
  Map<String, Integer> running() throws SQLException {
    Map<String, Integer> running = new HashMap<>();
    for (List<String> names : Sql.list(c, "SELECT l.limits FROM frame f"
            + " JOIN layer l ON l.id = f.layer_id WHERE f.state = ?",
        row -> Rows.split(row.getString(1)), FrameState.RUNNING.name())) {
      names.forEach(name -> running.merge(name, 1, Integer::sum));
    }
    return running;
  }

  /** Each limit's most frames at once, by name. */
  Map<String, Integer> maxima() throws SQLException {
    Map<String, Integer> maxima = new HashMap<>();
    Sql.list(c, "SELECT name, max_value FROM farm_limit",
        row -> maxima.put(row.getString(1), row.getInt(2)));
    return maxima;
  }

  /** Replaces {@code oldName} in every layer naming it: with {@code newName}, or nothing. */
  void renameInLayers(String oldName, Optional<String> newName) throws SQLException {
    // LIKE narrows the scan; its wildcards may match more, which the check below drops.
    for (String[] layer : Sql.list(c, "SELECT id, limits FROM layer WHERE limits LIKE ?",
        row -> new String[] {row.getString(1), row.getString(2)},
        "%" + Rows.json(oldName) + "%")) {
      List<String> names = Rows.split(layer[1]);
      if (names.contains(oldName)) {
        List<String> changed = new ArrayList<>();
        for (String name : names) {
          String kept = name.equals(oldName) ? newName.orElse(null) : name;
          if (kept != null && !changed.contains(kept)) {
            changed.add(kept);
          }
        }
        setLayerLimits(layer[0], changed);
      }
    }
  }

  void setLayerLimits(String layerId, List<String> names) throws SQLException {
    Sql.update(c, "UPDATE layer SET limits = ? WHERE id = ?", Rows.json(names), layerId);
  }
}
