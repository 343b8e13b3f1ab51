package dev.cuegate.farm.store;

import dev.cuegate.db.Sql;
import dev.cuegate.db.Transaction;
import dev.cuegate.farm.spec.LayerType;
import dev.cuegate.proto.job.FrameState;
import dev.cuegate.proto.job.JobState;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The farm's side of dispatch (docs/EMBEDDED-FARM.md, "Scheduling"): which waiting frame comes
 * first, and which may not run now whoever asks. Jobs under their minimum cores come first, then
 * by priority, age and the frames' dispatch order. A frame is held back while its show has
 * booking or dispatching off, its layer's start-after time is ahead, it would take its job over
 * its maximum cores or GPUs, or one of its layer's limits has all its frames running. External
 * frames, which Cuebot dispatched to the bridge, were scheduled by Cuebot: the show's switches
 * and the worker's capacity are not checked again for them.
 */
final class DispatchQueue {
  private static final String SELECT =
      "SELECT f.id, f.job_id, l.services, l.layer_type, l.cores, l.memory_kib, l.gpus, l.limits,"
          + " l.service, j.external, l.tags FROM frame f JOIN job j ON j.id = f.job_id"
          + " JOIN layer l ON l.id = f.layer_id JOIN show s ON s.id = j.show_id"
          + " WHERE f.state = ? AND j.state = ? AND j.paused = ? AND l.start_after <= ?"
          + " AND (j.external = ? OR s.booking_enabled = ? AND s.dispatch_enabled = ?)";
  private static final String ORDER =
      " j.priority DESC, j.start_time, j.id, f.dispatch_order, l.dispatch_order";

  /** A waiting frame with what the farm's rules read. */
  private record Candidate(WaitingFrame frame, List<String> limits) {}

  /** A pending job's caps and what its running frames take. */
  private record JobLoad(int minCores, Integer maxCores, Integer maxGpus, int cores, int gpus) {}

  private final Transaction c;
  private final long now;

  /** {@code now} in epoch seconds, for layers' start-after times. */
  DispatchQueue(Transaction c, long now) {
    this.c = c;
    this.now = now;
  }

  /** The first frame, in dispatch order, that the farm's rules and {@code eligible} allow. */
  Optional<WaitingFrame> first(Predicate<? super WaitingFrame> eligible) throws SQLException {
    Map<String, JobLoad> jobs = jobLoads();
    Limits limits = new Limits(c);
    Map<String, Integer> running = limits.running();
    Map<String, Integer> maxima = limits.maxima();
    List<Object> args = new ArrayList<>(List.of(FrameState.WAITING.name(),
        JobState.PENDING.name(), false, now, true, true, true));
    List<String> underMinimum = new ArrayList<>();
    jobs.forEach((id, load) -> {
      if (load.cores() < load.minCores()) {
        underMinimum.add(id);
      }
    });
    Collections.sort(underMinimum);
    String order = " ORDER BY" + ORDER;
    // When every pending job is under its minimum, or none is, the CASE would sort nothing.
    if (!underMinimum.isEmpty() && underMinimum.size() < jobs.size()) {
      order = " ORDER BY CASE WHEN j.id IN ("
          + String.join(", ", Collections.nCopies(underMinimum.size(), "?"))
          + ") THEN 0 ELSE 1 END," + ORDER;
      args.addAll(underMinimum);
    }
    return Sql.first(c, SELECT + order, row -> {
          List<String> services = new ArrayList<>(Rows.split(row.getString(3)));
          String service = row.getString(9);
          if (!service.isEmpty()) {
            services.remove(service);
            services.add(0, service);
          }
          // Cuebot booked an external frame's host already: the worker takes what it was sent.
          boolean external = row.getBoolean(10);
          return new Candidate(new WaitingFrame(row.getString(1), row.getString(2), services,
              LayerType.valueOf(row.getString(4)), external ? 0 : row.getInt(5),
              external ? 0 : row.getLong(6), external ? 0 : row.getInt(7),
              external ? List.of() : Rows.split(row.getString(11))),
              Rows.split(row.getString(8)));
        },
        candidate -> allowed(candidate, jobs, running, maxima)
            && eligible.test(candidate.frame()),
        args.toArray()).map(Candidate::frame);
  }

  private static boolean allowed(Candidate candidate, Map<String, JobLoad> jobs,
      Map<String, Integer> running, Map<String, Integer> maxima) {
    WaitingFrame frame = candidate.frame();
    JobLoad job = jobs.get(frame.jobId());
    if (job != null && (job.maxCores() != null && job.cores() + frame.cores() > job.maxCores()
        || job.maxGpus() != null && job.gpus() + frame.gpus() > job.maxGpus())) {
      return false;
    }
    Set<String> seen = new HashSet<>();
    for (String limit : candidate.limits()) {
      Integer max = maxima.get(limit);
      if (seen.add(limit) && max != null && running.getOrDefault(limit, 0) >= max) {
        return false;
      }
    }
    return true;
  }

  /** Every pending job's caps and the cores and GPUs its running frames hold. */
  private Map<String, JobLoad> jobLoads() throws SQLException {
    Map<String, int[]> used = new HashMap<>();
    Sql.list(c, "SELECT f.job_id, SUM(l.cores), SUM(l.gpus) FROM frame f"
            + " JOIN layer l ON l.id = f.layer_id WHERE f.state = ? GROUP BY f.job_id",
        row -> used.put(row.getString(1), new int[] {row.getInt(2), row.getInt(3)}),
        FrameState.RUNNING.name());
    Map<String, JobLoad> loads = new HashMap<>();
    Sql.list(c, "SELECT id, min_cores, max_cores, max_gpus FROM job WHERE state = ?", row -> {
      int[] taken = used.getOrDefault(row.getString(1), new int[2]);
      int maxCores = row.getInt(3);
      Integer cores = row.wasNull() ? null : maxCores;
      int maxGpus = row.getInt(4);
      Integer gpus = row.wasNull() ? null : maxGpus;
      return loads.put(row.getString(1),
          new JobLoad(row.getInt(2), cores, gpus, taken[0], taken[1]));
    }, JobState.PENDING.name());
    return loads;
  }
}
