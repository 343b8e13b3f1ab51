package dev.cuegate.farm.store;

import dev.cuegate.db.Sql;
import dev.cuegate.db.Transaction;
import dev.cuegate.farm.spec.LayerDefinition;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a show and the services give the jobs launched into it: the show's default min and max
 * cores, each layer's settings its spec left out (from its service), and a check that the limits
 * its layers name exist.
 */
final class LaunchDefaults {
  private final Transaction c;
  private final String showId;
  private final int minCores;
  private final int maxCores;
  private final Set<String> limits;

  LaunchDefaults(Transaction c, String showId) throws SQLException {
    this.c = c;
    this.showId = showId;
    int[] cores = Sql.one(c, "SELECT default_min_cores, default_max_cores FROM show WHERE id = ?",
        row -> new int[] {row.getInt(1), row.getInt(2)}, showId).orElseThrow();
    this.minCores = cores[0];
    this.maxCores = cores[1];
    this.limits = new Limits(c).maxima().keySet();
  }

  int minCores() {
    return minCores;
  }

  /** The spec's whole cores in hundredths, else the show's default. */
  int maxCores(OptionalInt specCores) {
    return specCores.isPresent() ? specCores.getAsInt() * 100 : maxCores;
  }

  /**
   * The service that governs the layer: the first it names that the show overrides or the farm
   * has; none when it names only unknown ones, and then, as when it names none, the show's
   * {@code default}.
   */
  Optional<ServiceRow> namedService(LayerDefinition layer) throws SQLException {
    for (String name : layer.services()) {
      Optional<ServiceRow> service = new Services(c).forShow(showId, name);
      if (service.isPresent()) {
        return service;
      }
    }
    return Optional.empty();
  }

  /** The layer with what its service gives for every setting its spec left out. */
  LayerDefinition layer(LayerDefinition layer) throws SQLException {
    for (String limit : layer.limits()) {
      if (!limits.contains(limit)) {
        throw FarmException.invalid("layer \"" + layer.name() + "\": limit \"" + limit
            + "\" does not exist; create it with limit.LimitInterface/Create");
      }
    }
    Optional<ServiceRow> named = namedService(layer);
    Optional<ServiceRow> service =
        named.isPresent() ? named : new Services(c).forShow(showId, Services.DEFAULT);
    if (service.isEmpty() || layer.defaulted().isEmpty()) {
      return layer;
    }
    ServiceRow s = service.get();
    Set<String> left = layer.defaulted();
    int cores = left.contains("cores") && s.minCores() >= 10 ? s.minCores() : layer.cores();
    boolean threadable = cores >= 100
        && (left.contains("threadable") ? s.threadable() : layer.threadable());
    return new LayerDefinition(layer.name(), layer.type(), layer.command(), layer.range(),
        layer.chunk(), cores, threadable,
        left.contains("memory") && s.minMemoryKib() > 0 ? s.minMemoryKib() : layer.memoryKib(),
        left.contains("gpus") ? s.minGpus() : layer.gpus(),
        left.contains("gpu_memory") ? s.minGpuMemoryKib() : layer.gpuMemoryKib(),
        left.contains("timeout") ? s.timeoutMinutes() : layer.timeoutMinutes(),
        left.contains("timeout_llu") ? s.timeoutLluMinutes() : layer.timeoutLluMinutes(),
        left.contains("tags") ? s.tags() : layer.tags(), layer.limits(), layer.environment(),
        layer.services(), layer.outputs(), Set.of());
  }
}
