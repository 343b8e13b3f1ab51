package dev.cuegate.farm.store;

import dev.cuegate.db.Sql;

import dev.cuegate.farm.spec.DependDefinition;
import dev.cuegate.farm.spec.JobPlan;
import dev.cuegate.farm.spec.JobSpec;
import dev.cuegate.farm.spec.LayerDefinition;
import dev.cuegate.farm.spec.LayerPlan;
import dev.cuegate.farm.spec.Names;
import dev.cuegate.farm.spec.PlannedFrame;
import dev.cuegate.proto.job.FrameState;
import dev.cuegate.proto.job.JobState;
import dev.cuegate.db.Transaction;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Writes the jobs of one spec, their layers, frames and dependencies, inside the caller's transaction. */
final class JobLauncher {
  private final Transaction connection;
  private final long now;
  private final String logRoot;

  /** {@code logRoot} is the folder the jobs' log directories are made in. */
  JobLauncher(Transaction connection, long now, String logRoot) {
    this.connection = connection;
    this.now = now;
    this.logRoot = logRoot;
  }

  /** Stores every job of {@code spec}; returns their ids in spec order. */
  List<String> launch(JobSpec spec) throws SQLException {
    String[] show =
        FarmStore.showIds(connection, spec.show())
            .orElseThrow(() -> FarmException.invalid("show \"" + spec.show()
                + "\" does not exist; create it with show.ShowInterface/CreateShow"));
    List<String> ids = new ArrayList<>();
    int frames = 0;
    for (JobPlan plan : JobPlan.of(spec)) {
      ids.add(insertJob(spec, plan, show[0], show[1]));
      frames += plan.frameCount();
    }
    for (String id : ids) {
      Filters.runOnLaunch(connection, id);
    }
    Dependencies dependencies = new Dependencies(connection);
    for (DependDefinition depend : spec.depends()) {
      dependencies.create(depend);
    }
    Sql.update(connection,
        "UPDATE show SET created_job_count = created_job_count + ?,"
            + " created_frame_count = created_frame_count + ? WHERE id = ?",
        ids.size(), frames, show[0]);
    return ids;
  }

  private String insertJob(JobSpec spec, JobPlan plan, String showId, String folderId)
      throws SQLException {
    boolean pending = Sql.one(connection, "SELECT id FROM job WHERE name = ? AND state = ?",
        row -> row.getString(1), plan.name(), JobState.PENDING.name()).isPresent();
    if (pending) {
      throw new FarmException(FarmException.Kind.ALREADY_EXISTS,
          "the job " + plan.name() + " is already pending");
    }
    String id = UUID.randomUUID().toString();
    var job = plan.job();
    LaunchDefaults defaults = new LaunchDefaults(connection, showId);
    Sql.update(connection,
        "INSERT INTO job (id, show_id, folder_id, name, shot, owner_name, facility, os, uid,"
            + " priority, max_retries, max_cores, auto_eat, paused, killed, state, log_dir,"
            + " environment, start_time, stop_time, min_cores, min_gpus, max_gpus)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, showId, folderId, plan.name(), spec.shot(), spec.user(),
        spec.facility().orElse(""), job.os().orElse(""),
        spec.uid().isPresent() ? spec.uid().getAsInt() : null,
        job.priority(), job.maxRetries(),
        defaults.maxCores(job.maxCores()),
        job.autoEat(), job.paused(), false, JobState.PENDING.name(),
        Names.logDirectory(logRoot, spec.show(), spec.shot(), plan.name(), id),
        Rows.json(job.environment()), now, 0L, defaults.minCores(), 0,
        job.maxGpus().isPresent() ? job.maxGpus().getAsInt() : null);
    GroupStore.inherit(connection, id, folderId);
    int order = 0;
    for (LayerPlan layer : plan.layers()) {
      insertLayer(id, layer, order++, defaults);
    }
    return id;
  }

  private void insertLayer(String jobId, LayerPlan plan, int order, LaunchDefaults defaults)
      throws SQLException {
    String id = UUID.randomUUID().toString();
    LayerDefinition layer = defaults.layer(plan.layer());
    String service = defaults.namedService(layer).map(ServiceRow::name).orElse("");
    Sql.update(connection,
        "INSERT INTO layer (id, job_id, name, layer_type, command, frame_range, chunk_size, cores,"
            + " threadable, memory_kib, gpus, gpu_memory_kib, timeout_minutes,"
            + " timeout_llu_minutes, tags, services, limits, environment, dispatch_order,"
            + " service) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, jobId, layer.name(), layer.type().name(), layer.command(), layer.range(),
        layer.chunk(), layer.cores(), layer.threadable(), layer.memoryKib(), layer.gpus(),
        layer.gpuMemoryKib(), layer.timeoutMinutes(), layer.timeoutLluMinutes(),
        Rows.json(layer.tags()), Rows.json(layer.services()), Rows.json(layer.limits()),
        Rows.json(layer.environment()), order, service);
    List<Object[]> frames = new ArrayList<>();
    int frameOrder = 0;
    for (PlannedFrame frame : plan.frames()) {
      frames.add(new Object[] {UUID.randomUUID().toString(), jobId, id, frame.name(),
          frame.number(), frame.lastNumber(), frame.frameSpec(), FrameState.WAITING.name(),
          frameOrder++});
    }
    Sql.batch(connection,
        "INSERT INTO frame (id, job_id, layer_id, name, number, chunk_end, frame_spec, state,"
            + " depend_count, retry_count, exit_status, dispatch_order, start_time, stop_time)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, 0, 0)", frames);
  }
}
