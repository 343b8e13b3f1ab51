package dev.cuegate.farm.store;

import dev.cuegate.db.Database;
import dev.cuegate.db.Sql;
import dev.cuegate.db.Transaction;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The farm's services and the shows' overrides of them: what a layer gets at launch for the
 * settings its spec leaves out ({@link LaunchDefaults}). One transaction per method; input is
 * checked before anything is written.
 */
public final class ServiceStore {
  private final Database database;

  private ServiceStore(Database database) {
    this.database = database;
  }

  /** The services of {@code store}'s farm. */
  public static ServiceStore of(FarmStore store) {
    return new ServiceStore(store.database());
  }

  /** The farm-wide services, by name. */
  public List<ServiceRow> defaults() {
    return database.transaction(c -> new Services(c).defaults());
  }

  /** @throws FarmException NOT_FOUND naming the service */
  public ServiceRow get(String name) {
    return database.transaction(c -> farmWide(c, name));
  }

  /** @throws FarmException ALREADY_EXISTS when a farm-wide service has the name */
  public ServiceRow create(ServiceRow data) {
    check(data);
    return database.transaction(c -> {
      Services services = new Services(c);
      if (services.farmWide(data.name()).isPresent()) {
        throw new FarmException(FarmException.Kind.ALREADY_EXISTS,
            "service \"" + data.name() + "\" already exists");
      }
      ServiceRow created = data.withIdentity(UUID.randomUUID().toString(), "");
      services.insert(created);
      return created;
    });
  }

  /** Saves a farm-wide service's settings; {@code default} keeps its name. */
  public void update(ServiceRow data) {
    check(data);
    database.transaction(c -> {
      Services services = new Services(c);
      ServiceRow old = farmWide(c, data.id(), data.name());
      if (!old.name().equals(data.name())) {
        if (old.name().equals(Services.DEFAULT)) {
          throw FarmException.invalid("name: the service \"default\" cannot be renamed");
        }
        if (services.farmWide(data.name()).isPresent()) {
          throw new FarmException(FarmException.Kind.ALREADY_EXISTS,
              "service \"" + data.name() + "\" already exists");
        }
      }
      services.update(data.withIdentity(old.id(), ""));
      return null;
    });
  }

  /** Deletes a farm-wide service (not {@code default}); the shows' overrides of it go too. */
  public void delete(String id, String name) {
    database.transaction(c -> {
      ServiceRow service = farmWide(c, id, name);
      if (service.name().equals(Services.DEFAULT)) {
        throw FarmException.invalid("service: \"default\" is what layers get when they name no"
            + " service, so it cannot be deleted");
      }
      Sql.update(c, "DELETE FROM farm_service WHERE name = ?", service.name());
      return null;
    });
  }

  /** The show's overrides, by name. */
  public List<ServiceRow> overrides(String showId) {
    return database.transaction(c -> {
      show(c, showId);
      return new Services(c).overrides(showId);
    });
  }

  /**
   * The show's layers get {@code data}'s settings instead of those of the farm-wide service of
   * its name.
   *
   * @throws FarmException INVALID_ARGUMENT when no farm-wide service has the name,
   *     ALREADY_EXISTS when the show overrides it already
   */
  public ServiceRow createOverride(String showId, ServiceRow data) {
    check(data);
    return database.transaction(c -> {
      show(c, showId);
      Services services = new Services(c);
      if (services.farmWide(data.name()).isEmpty()) {
        throw FarmException.invalid("service.name: service \"" + data.name()
            + "\" does not exist");
      }
      if (services.override(showId, data.name()).isPresent()) {
        throw new FarmException(FarmException.Kind.ALREADY_EXISTS,
            "the show already overrides service \"" + data.name() + "\"");
      }
      ServiceRow created = data.withIdentity(UUID.randomUUID().toString(), showId);
      services.insert(created);
      return created;
    });
  }

  /** Saves an override's settings; it stays the override of the same service. */
  public void updateOverride(ServiceRow data) {
    check(data);
    database.transaction(c -> {
      ServiceRow old = override(c, data.id());
      if (!old.name().equals(data.name())) {
        throw FarmException.invalid("service.name: an override keeps the name of the service it"
            + " overrides (\"" + old.name() + "\")");
      }
      new Services(c).update(data.withIdentity(old.id(), old.showId()));
      return null;
    });
  }

  public void deleteOverride(String id) {
    database.transaction(c -> {
      new Services(c).delete(override(c, id).id());
      return null;
    });
  }

  private static void check(ServiceRow data) {
    if (data.name().isBlank()) {
      throw FarmException.invalid("service.name: a service needs a name");
    }
    atLeastZero("min_cores", data.minCores());
    atLeastZero("max_cores", data.maxCores());
    atLeastZero("min_memory", data.minMemoryKib());
    atLeastZero("min_gpu_memory", data.minGpuMemoryKib());
    atLeastZero("timeout", data.timeoutMinutes());
    atLeastZero("timeout_llu", data.timeoutLluMinutes());
    atLeastZero("min_gpus", data.minGpus());
    atLeastZero("max_gpus", data.maxGpus());
    atLeastZero("min_memory_increase", data.minMemoryIncreaseKib());
    if (data.tags().stream().anyMatch(String::isBlank)) {
      throw FarmException.invalid("service.tags: a tag cannot be empty");
    }
  }

  private static void atLeastZero(String field, long value) {
    if (value < 0) {
      throw FarmException.invalid("service." + field + " must be 0 or more, got " + value);
    }
  }

  private static ServiceRow farmWide(Transaction c, String name) throws SQLException {
    return new Services(c).farmWide(name).orElseThrow(
        () -> FarmException.notFound("service \"" + name + "\" does not exist"));
  }

  /** The farm-wide service with {@code id}, else (no id given) named {@code name}. */
  private static ServiceRow farmWide(Transaction c, String id, String name) throws SQLException {
    if (id.isEmpty()) {
      return farmWide(c, name);
    }
    return new Services(c).byId(id).filter(service -> service.showId().isEmpty()).orElseThrow(
        () -> FarmException.notFound("service " + id + " does not exist"));
  }

  private static ServiceRow override(Transaction c, String id) throws SQLException {
    if (id.isEmpty()) {
      throw FarmException.invalid("service.id: give the override's id");
    }
    return new Services(c).byId(id).filter(service -> !service.showId().isEmpty()).orElseThrow(
        () -> FarmException.notFound("service override " + id + " does not exist"));
  }

  private static void show(Transaction c, String showId) throws SQLException {
    if (Sql.one(c, "SELECT id FROM show WHERE id = ?", row -> 1, showId).isEmpty()) {
      throw FarmException.notFound("show " + showId + " does not exist");
    }
  }
}
