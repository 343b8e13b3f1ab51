package dev.cuegate.farm.store;

import dev.cuegate.db.Database;
import dev.cuegate.db.Sql;
import dev.cuegate.db.Transaction;
import dev.cuegate.proto.job.Order;
import java.sql.SQLException;
import java.util.List;

/**
 * The scheduling settings of jobs, layers and shows, and the dispatch order of frames: what
 * {@link DispatchQueue} reads. Every method is one transaction and checks its input before it
 * writes, so a refused request changes nothing.
 */
public final class SchedulingStore {
  private final Database database;

  private SchedulingStore(Database database) {
    this.database = database;
  }

  /** The settings of {@code store}'s farm. */
  public static SchedulingStore of(FarmStore store) {
    return new SchedulingStore(store.database());
  }

  // Jobs

  /** Jobs whose running frames hold fewer cores than this are dispatched first. */
  public void setJobMinCores(String jobId, float cores) {
    setJob(jobId, "min_cores", hundredths("val", cores));
  }

  /** No frame is dispatched that would take the job's running cores over this. */
  public void setJobMaxCores(String jobId, float cores) {
    setJob(jobId, "max_cores", hundredths("val", cores));
  }

  public void setJobMinGpus(String jobId, int gpus) {
    setJob(jobId, "min_gpus", notNegative("val", gpus));
  }

  /** No frame is dispatched that would take the job's running GPUs over this. */
  public void setJobMaxGpus(String jobId, int gpus) {
    setJob(jobId, "max_gpus", notNegative("val", gpus));
  }

  /** Moves the frames of every layer of the job that {@code range} lists. */
  public void reorderJobFrames(String jobId, String range, Order order) {
    List<Integer> numbers = FrameOrder.numbers("range", range);
    database.transaction(c -> {
      Reads.job(c, jobId);
      for (LayerRow layer : Reads.layerRows(c, "job_id = ?", jobId)) {
        new FrameOrder(c).reorder(layer.id(), numbers, order);
      }
      return null;
    });
  }

  /** Staggers the frames of every layer of the job that {@code range} lists. */
  public void staggerJobFrames(String jobId, String range, int stagger) {
    List<Integer> staggered = staggered(range, stagger);
    database.transaction(c -> {
      Reads.job(c, jobId);
      for (LayerRow layer : Reads.layerRows(c, "job_id = ?", jobId)) {
        new FrameOrder(c).stagger(layer.id(), staggered);
      }
      return null;
    });
  }

  // Layers

  /** What each frame of the layer reserves; below one core it is not threadable. */
  public void setLayerMinCores(String layerId, float cores) {
    int value = hundredths("cores", cores);
    if (value < 1) {
      throw FarmException.invalid("cores must be more than 0, got " + cores);
    }
    database.transaction(c -> {
      layer(c, layerId);
      Sql.update(c, "UPDATE layer SET cores = ?, threadable = threadable AND ? WHERE id = ?",
          value, value >= 100, layerId);
      return null;
    });
  }

  public void setLayerMinMemory(String layerId, long memoryKib) {
    if (memoryKib <= 0) {
      throw FarmException.invalid("memory must be more than 0, got " + memoryKib);
    }
    setLayer(layerId, "memory_kib", memoryKib);
  }

  public void setLayerMinGpuMemory(String layerId, long gpuMemoryKib) {
    if (gpuMemoryKib < 0) {
      throw FarmException.invalid("gpu_memory must be 0 or more, got " + gpuMemoryKib);
    }
    setLayer(layerId, "gpu_memory_kib", gpuMemoryKib);
  }

  /** Threadable only from one core up, as a spec's {@code <threadable>}. */
  public void setLayerThreadable(String layerId, boolean threadable) {
    database.transaction(c -> {
      LayerRow layer = layer(c, layerId);
      if (threadable && layer.cores() < 100) {
        throw FarmException.invalid("threadable: the layer reserves less than one core ("
            + layer.cores() / 100f + ")");
      }
      return Sql.update(c, "UPDATE layer SET threadable = ? WHERE id = ?", threadable, layerId);
    });
  }

  /** The layer's frames are not dispatched before {@code epochSeconds} (0: no wait). */
  public void setLayerStartAfter(String layerId, long epochSeconds) {
    if (epochSeconds < 0) {
      throw FarmException.invalid("start_after must be 0 or more, got " + epochSeconds);
    }
    setLayer(layerId, "start_after", epochSeconds);
  }

  public void reorderLayerFrames(String layerId, String range, Order order) {
    List<Integer> numbers = FrameOrder.numbers("range", range);
    database.transaction(c -> {
      layer(c, layerId);
      new FrameOrder(c).reorder(layerId, numbers, order);
      return null;
    });
  }

  public void staggerLayerFrames(String layerId, String range, int stagger) {
    List<Integer> staggered = staggered(range, stagger);
    database.transaction(c -> {
      layer(c, layerId);
      new FrameOrder(c).stagger(layerId, staggered);
      return null;
    });
  }

  // Shows

  /** The min cores the show's new jobs get. */
  public void setShowDefaultMinCores(String showId, float cores) {
    setShow(showId, "default_min_cores", hundredths("min_cores", cores));
  }

  /** The max cores the show's new jobs get when their spec gives none. */
  public void setShowDefaultMaxCores(String showId, float cores) {
    setShow(showId, "default_max_cores", hundredths("max_cores", cores));
  }

  public void enableBooking(String showId, boolean enabled) {
    setShow(showId, "booking_enabled", enabled);
  }

  public void enableDispatching(String showId, boolean enabled) {
    setShow(showId, "dispatch_enabled", enabled);
  }

  // Checks and writes; column names are always literals of this class.

  private static List<Integer> staggered(String range, int stagger) {
    if (stagger < 1) {
      throw FarmException.invalid("stagger must be 1 or more, got " + stagger);
    }
    FrameOrder.numbers("range", range);
    return FrameOrder.numbers("range", range.trim() + ":" + stagger);
  }

  private static int hundredths(String field, float cores) {
    if (!Float.isFinite(cores) || cores < 0 || cores * 100 > Integer.MAX_VALUE) {
      throw FarmException.invalid(field + " must be a number of cores, 0 or more, got "
          + cores);
    }
    return Math.round(cores * 100);
  }

  private static int notNegative(String field, int value) {
    if (value < 0) {
      throw FarmException.invalid(field + " must be 0 or more, got " + value);
    }
    return value;
  }

  private void setJob(String jobId, String column, Object value) {
    database.transaction(c -> {
      Reads.job(c, jobId);
      return Sql.update(c, "UPDATE job SET " + column + " = ? WHERE id = ?", value, jobId);
    });
  }

  private void setLayer(String layerId, String column, Object value) {
    database.transaction(c -> {
      layer(c, layerId);
      return Sql.update(c, "UPDATE layer SET " + column + " = ? WHERE id = ?", value, layerId);
    });
  }

  private void setShow(String showId, String column, Object value) {
    database.transaction(c -> {
      if (Sql.one(c, "SELECT id FROM show WHERE id = ?", row -> 1, showId).isEmpty()) {
        throw FarmException.notFound("show " + showId + " does not exist");
      }
      return Sql.update(c, "UPDATE show SET " + column + " = ? WHERE id = ?", value, showId);
    });
  }

  private static LayerRow layer(Transaction c, String layerId) throws SQLException {
    return Reads.layerRows(c, "id = ?", layerId).stream().findFirst().orElseThrow(
        () -> FarmException.notFound("layer " + layerId + " does not exist"));
  }
}
