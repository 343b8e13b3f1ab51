package dev.cuegate.farm.store;

import dev.cuegate.db.Sql;
import dev.cuegate.db.Transaction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Reads and writes services and shows' overrides of them, inside the caller's transaction. */
final class Services {
  static final String DEFAULT = "default";
  private static final String COLUMNS = "id, show_id, name, threadable, min_cores, max_cores,"
      + " min_memory_kib, min_gpu_memory_kib, tags, timeout_minutes, timeout_llu_minutes,"
      + " min_gpus, max_gpus, min_memory_increase_kib";

  private final Transaction c;

  Services(Transaction c) {
    this.c = c;
  }

  /** The farm-wide services, by name. */
  List<ServiceRow> defaults() throws SQLException {
    return Sql.list(c, "SELECT " + COLUMNS + " FROM farm_service WHERE show_id IS NULL"
        + " ORDER BY name", Services::row);
  }

  /** The show's overrides, by name. */
  List<ServiceRow> overrides(String showId) throws SQLException {
    return Sql.list(c, "SELECT " + COLUMNS + " FROM farm_service WHERE show_id = ?"
        + " ORDER BY name", Services::row, showId);
  }

  Optional<ServiceRow> byId(String id) throws SQLException {
    return Sql.one(c, "SELECT " + COLUMNS + " FROM farm_service WHERE id = ?", Services::row, id);
  }

  Optional<ServiceRow> farmWide(String name) throws SQLException {
    return Sql.one(c, "SELECT " + COLUMNS + " FROM farm_service WHERE name = ?"
        + " AND show_id IS NULL", Services::row, name);
  }

  Optional<ServiceRow> override(String showId, String name) throws SQLException {
    return Sql.one(c, "SELECT " + COLUMNS + " FROM farm_service WHERE name = ? AND show_id = ?",
        Services::row, name, showId);
  }

  /** What the show's layers get from the service {@code name}: its override, else the service. */
  Optional<ServiceRow> forShow(String showId, String name) throws SQLException {
    Optional<ServiceRow> override = override(showId, name);
    return override.isPresent() ? override : farmWide(name);
  }

  void insert(ServiceRow service) throws SQLException {
    Sql.update(c, "INSERT INTO farm_service (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        service.id(), service.showId().isEmpty() ? null : service.showId(), service.name(),
        service.threadable(), service.minCores(), service.maxCores(), service.minMemoryKib(),
        service.minGpuMemoryKib(), Rows.json(service.tags()), service.timeoutMinutes(),
        service.timeoutLluMinutes(), service.minGpus(), service.maxGpus(),
        service.minMemoryIncreaseKib());
  }

  /** Replaces the settings (and name) of the service with {@code service}'s id. */
  void update(ServiceRow service) throws SQLException {
    Sql.update(c, "UPDATE farm_service SET name = ?, threadable = ?, min_cores = ?,"
            + " max_cores = ?, min_memory_kib = ?, min_gpu_memory_kib = ?, tags = ?,"
            + " timeout_minutes = ?, timeout_llu_minutes = ?, min_gpus = ?, max_gpus = ?,"
            + " min_memory_increase_kib = ? WHERE id = ?",
        service.name(), service.threadable(), service.minCores(), service.maxCores(),
        service.minMemoryKib(), service.minGpuMemoryKib(), Rows.json(service.tags()),
        service.timeoutMinutes(), service.timeoutLluMinutes(), service.minGpus(),
        service.maxGpus(), service.minMemoryIncreaseKib(), service.id());
  }

  void delete(String id) throws SQLException {
    Sql.update(c, "DELETE FROM farm_service WHERE id = ?", id);
  }

  private static ServiceRow row(ResultSet row) throws SQLException {
    String showId = row.getString("show_id");
    return new ServiceRow(row.getString("id"), showId == null ? "" : showId,
        row.getString("name"), row.getBoolean("threadable"), row.getInt("min_cores"),
        row.getInt("max_cores"), row.getLong("min_memory_kib"),
        row.getLong("min_gpu_memory_kib"), Rows.split(row.getString("tags")),
        row.getInt("timeout_minutes"), row.getInt("timeout_llu_minutes"),
        row.getInt("min_gpus"), row.getInt("max_gpus"), row.getLong("min_memory_increase_kib"));
  }
}
