package dev.cuegate.farm.store;

import dev.cuegate.db.Database;
import dev.cuegate.db.Sql;
import dev.cuegate.db.Transaction;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The farm's limits and the layers naming them: a limit caps how many frames of those layers
 * run at once, across the farm ({@link DispatchQueue}). One transaction per method.
 */
public final class LimitStore {
  private final Database database;

  private LimitStore(Database database) {
    this.database = database;
  }

  /** The limits of {@code store}'s farm. */
  public static LimitStore of(FarmStore store) {
    return new LimitStore(store.database());
  }

  public List<LimitRow> all() {
    return database.transaction(c -> new Limits(c).all());
  }

  /** @throws FarmException NOT_FOUND naming the limit */
  public LimitRow find(String name) {
    return database.transaction(c -> new Limits(c).named(name));
  }

  /** @throws FarmException NOT_FOUND naming the limit */
  public LimitRow get(String id) {
    return database.transaction(c -> new Limits(c).withId(id));
  }

  /** @throws FarmException ALREADY_EXISTS when a limit has the name */
  public LimitRow create(String name, int maxValue) {
    String checked = name(name, "name");
    notNegative(maxValue);
    return database.transaction(c -> {
      if (new Limits(c).byName(checked).isPresent()) {
        throw new FarmException(FarmException.Kind.ALREADY_EXISTS,
            "limit \"" + checked + "\" already exists");
      }
      String id = UUID.randomUUID().toString();
      Sql.update(c, "INSERT INTO farm_limit (id, name, max_value) VALUES (?, ?, ?)", id,
          checked, maxValue);
      return new Limits(c).withId(id);
    });
  }

  /** Deletes the limit; the layers that named it no longer do. */
  public void delete(String name) {
    database.transaction(c -> {
      Limits limits = new Limits(c);
      LimitRow limit = limits.named(name);
      limits.renameInLayers(limit.name(), Optional.empty());
      return Sql.update(c, "DELETE FROM farm_limit WHERE id = ?", limit.id());
    });
  }

  /** Renames the limit, in the layers that name it too. */
  public void rename(String oldName, String newName) {
    String checked = name(newName, "new_name");
    database.transaction(c -> {
      Limits limits = new Limits(c);
      LimitRow limit = limits.named(oldName);
      if (!checked.equals(oldName) && limits.byName(checked).isPresent()) {
        throw new FarmException(FarmException.Kind.ALREADY_EXISTS,
            "limit \"" + checked + "\" already exists");
      }
      limits.renameInLayers(limit.name(), Optional.of(checked));
      return Sql.update(c, "UPDATE farm_limit SET name = ? WHERE id = ?", checked, limit.id());
    });
  }

  public void setMaxValue(String name, int maxValue) {
    notNegative(maxValue);
    database.transaction(c -> Sql.update(c, "UPDATE farm_limit SET max_value = ? WHERE id = ?",
        maxValue, new Limits(c).named(name).id()));
  }

  /** The limits the layer names that exist. */
  public List<LimitRow> ofLayer(String layerId) {
    return database.transaction(c -> {
      List<String> names = layer(c, layerId).limits();
      List<LimitRow> limits = new ArrayList<>();
      for (LimitRow limit : new Limits(c).all()) {
        if (names.contains(limit.name())) {
          limits.add(limit);
        }
      }
      return limits;
    });
  }

  /** The layer's frames count against the limit {@code limitId} from now on. */
  public void addToLayer(String layerId, String limitId) {
    database.transaction(c -> {
      LayerRow layer = layer(c, layerId);
      LimitRow limit = new Limits(c).withId(limitId);
      if (!layer.limits().contains(limit.name())) {
        List<String> names = new ArrayList<>(layer.limits());
        names.add(limit.name());
        new Limits(c).setLayerLimits(layerId, names);
      }
      return null;
    });
  }

  public void dropFromLayer(String layerId, String limitId) {
    database.transaction(c -> {
      LayerRow layer = layer(c, layerId);
      LimitRow limit = new Limits(c).withId(limitId);
      List<String> names = new ArrayList<>(layer.limits());
      names.remove(limit.name());
      new Limits(c).setLayerLimits(layerId, names);
      return null;
    });
  }

  private static String name(String name, String field) {
    String trimmed = name.trim();
    if (trimmed.isEmpty()) {
      throw FarmException.invalid(field + ": a limit needs a name");
    }
    return trimmed;
  }

  private static void notNegative(int maxValue) {
    if (maxValue < 0) {
      throw FarmException.invalid("max_value must be 0 or more, got " + maxValue);
    }
  }

  private static LayerRow layer(Transaction c, String layerId) throws SQLException {
    return Reads.layerRows(c, "id = ?", layerId).stream().findFirst().orElseThrow(
        () -> FarmException.notFound("layer " + layerId + " does not exist"));
  }
}
