package dev.cuegate.farm.store;

import dev.cuegate.farm.spec.JobSpec;
import dev.cuegate.proto.job.FrameState;
import dev.cuegate.proto.job.JobState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The embedded farm's shows, jobs, layers, frames and comments. Every public method is one
 * transaction, so a crash leaves each change either whole or absent.
 */
public final class FarmStore implements AutoCloseable {
  /**
   * OpenCue's exit status for a frame its host interrupted: Cuebot re-queues it without using one
   * of its retries.
   */
  private static final int INTERRUPTED_EXIT_STATUS = 286;

  private static final Pattern SHOW_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private final Database database;
  private final Clock clock;
  private final ExternalFrameListener externalFrames;

  private FarmStore(Database database, Clock clock, ExternalFrameListener externalFrames) {
    this.database = database;
    this.clock = clock;
    this.externalFrames = externalFrames;
  }

  /** Opens (and migrates) the database at {@code jdbcUrl}. */
  public static FarmStore open(String jdbcUrl, Clock clock) {
    return open(jdbcUrl, clock, ExternalFrameListener.NONE);
  }

  /** As {@link #open(String, Clock)}; {@code externalFrames} hears when external frames end. */
  public static FarmStore open(String jdbcUrl, Clock clock,
      ExternalFrameListener externalFrames) {
    return new FarmStore(Database.open(jdbcUrl), clock, externalFrames);
  }

  /** The JDBC URL, for logs: without its password. */
  public String url() {
    return database.url();
  }

  /** Closes the database connection. */
  @Override
  public void close() {
    database.close();
  }

  // Shows and groups

  public List<ShowRow> shows(boolean activeOnly) {
    return database.transaction(c -> {
      List<ShowRow> shows = new ArrayList<>();
      for (ShowRow show : showRows(c)) {
        if (show.active() || !activeOnly) {
          shows.add(show);
        }
      }
      return shows;
    });
  }

  public ShowRow findShow(String name) {
    return database.transaction(c -> showRows(c).stream()
        .filter(show -> show.name().equals(name))
        .findFirst()
        .orElseThrow(() -> FarmException.notFound("show \"" + name + "\" does not exist")));
  }

  /** The show named {@code name}; also answers with it when given only an id. */
  public ShowRow show(String id, String name) {
    return database.transaction(c -> showRows(c).stream()
        .filter(show -> id.isEmpty() ? show.name().equals(name) : show.id().equals(id))
        .findFirst()
        .orElseThrow(() -> FarmException.notFound(
            "show " + (id.isEmpty() ? "\"" + name + "\"" : id) + " does not exist")));
  }

  public ShowRow createShow(String name) {
    if (!SHOW_NAME.matcher(name).matches()) {
      throw FarmException.invalid("show name \"" + name + "\" must be letters, digits, '.', '_'"
          + " or '-', starting with a letter or digit");
    }
    database.transaction(c -> {
      if (Sql.one(c, "SELECT id FROM show WHERE name = ?", row -> 1, name).isPresent()) {
        throw new FarmException(FarmException.Kind.ALREADY_EXISTS,
            "show \"" + name + "\" already exists");
      }
      return insertShow(c, name)[0];
    });
    return findShow(name);
  }

  /** The show {@code name}'s id and its root group's id, when it exists. */
  static Optional<String[]> showIds(Connection c, String name) throws SQLException {
    return Sql.one(c, "SELECT s.id, g.id FROM show s JOIN folder g ON g.show_id = s.id"
            + " AND g.parent_id IS NULL WHERE s.name = ?",
        row -> new String[] {row.getString(1), row.getString(2)}, name);
  }

  /** Creates the show {@code name} with its root group; answers both ids. */
  static String[] insertShow(Connection c, String name) throws SQLException {
    String id = UUID.randomUUID().toString();
    String folder = UUID.randomUUID().toString();
    Sql.update(c, "INSERT INTO show (id, name, active, created_job_count, created_frame_count)"
        + " VALUES (?, ?, ?, 0, 0)", id, name, true);
    Sql.update(c, "INSERT INTO folder (id, show_id, name, parent_id, level)"
        + " VALUES (?, ?, ?, NULL, 0)", folder, id, name);
    return new String[] {id, folder};
  }

  public List<GroupRow> groups(String showId) {
    return database.transaction(c -> {
      Map<String, List<JobRow>> jobsByGroup = new HashMap<>();
      for (JobRow job : jobRows(c, "", new Object[0])) {
        if (job.state() == JobState.PENDING) {
          jobsByGroup.computeIfAbsent(job.group(), name -> new ArrayList<>()).add(job);
        }
      }
      return Sql.list(c, "SELECT * FROM folder WHERE show_id = ? ORDER BY level, name",
          row -> {
            List<JobRow> jobs = jobsByGroup.getOrDefault(row.getString("name"), List.of());
            return new GroupRow(row.getString("id"), row.getString("show_id"),
                row.getString("name"), row.getString("parent_id"), row.getInt("level"),
                jobs.size(), sum(jobs));
          }, showId);
    });
  }

  public GroupRow rootGroup(String showId) {
    return groups(showId).stream()
        .filter(group -> group.parentId() == null)
        .findFirst()
        .orElseThrow(() -> FarmException.notFound("show " + showId + " does not exist"));
  }

  // Jobs

  /** Stores every job of {@code spec} at once; returns their ids in spec order. */
  public List<String> launch(JobSpec spec) {
    return database.transaction(c -> new JobLauncher(c, now()).launch(spec));
  }

  public List<JobRow> jobs(JobQuery query) {
    return database.transaction(c ->
        jobRows(c, "", new Object[0]).stream().filter(query::matches).toList());
  }

  public JobRow job(String id) {
    return database.transaction(c -> job(c, id));
  }

  /** The pending job named {@code name}: a finished job's name may be used again. */
  public JobRow findJob(String name) {
    return database.transaction(c ->
        jobRows(c, " WHERE j.name = ? AND j.state = ?", new Object[] {name, "PENDING"}).stream()
            .findFirst()
            .orElseThrow(() -> FarmException.notFound("job \"" + name + "\" is not pending")));
  }

  public void pause(String jobId, boolean paused) {
    database.transaction(c -> {
      job(c, jobId);
      return Sql.update(c, "UPDATE job SET paused = ? WHERE id = ?", paused, jobId);
    });
  }

  public void setPriority(String jobId, int priority) {
    if (priority < 0) {
      throw FarmException.invalid("priority must be 0 or more, got " + priority);
    }
    database.transaction(c -> {
      job(c, jobId);
      return Sql.update(c, "UPDATE job SET priority = ? WHERE id = ?", priority, jobId);
    });
  }

  /**
   * Finishes the job for good: running frames stop, nothing more is dispatched, and what
   * depended on the job no longer waits for it.
   */
  public void kill(String jobId) {
    database.transaction(c -> {
      job(c, jobId);
      Sql.update(c, "UPDATE frame SET state = ? WHERE job_id = ? AND state = ?",
          FrameState.WAITING.name(), jobId, FrameState.RUNNING.name());
      Sql.update(c, "UPDATE job SET killed = ? WHERE id = ?", true, jobId);
      new Dependencies(c).killed(jobId);
      refreshJob(c, jobId);
      return null;
    });
  }

  public List<CommentRow> comments(String jobId) {
    return database.transaction(c -> {
      job(c, jobId);
      return Sql.list(c, "SELECT * FROM job_comment WHERE job_id = ? ORDER BY created, id",
          Rows::comment, jobId);
    });
  }

  public void addComment(String jobId, String user, String subject, String message) {
    database.transaction(c -> {
      job(c, jobId);
      return Sql.update(c, "INSERT INTO job_comment (id, job_id, created, author, subject,"
              + " message) VALUES (?, ?, ?, ?, ?, ?)",
          UUID.randomUUID().toString(), jobId, now(), user, subject, message);
    });
  }

  // Layers

  public List<LayerRow> layers(String jobId) {
    return database.transaction(c -> {
      job(c, jobId);
      return layerRows(c, "job_id = ?", jobId);
    });
  }

  public LayerRow layer(String id) {
    return database.transaction(c -> layerRows(c, "id = ?", id).stream()
        .findFirst()
        .orElseThrow(() -> FarmException.notFound("layer " + id + " does not exist")));
  }

  /** A layer of the pending job named {@code jobName}. */
  public LayerRow findLayer(String jobName, String layerName) {
    JobRow job = findJob(jobName);
    return database.transaction(c ->
        layerRows(c, "job_id = ? AND name = ?", job.id(), layerName).stream()
            .findFirst()
            .orElseThrow(() -> FarmException.notFound(
                "job \"" + jobName + "\" has no layer \"" + layerName + "\"")));
  }

  // Frames

  public List<FrameRow> jobFrames(String jobId, FrameQuery query) {
    return database.transaction(c -> {
      job(c, jobId);
      return query.page(frameRows(c, "f.job_id = ?", jobId));
    });
  }

  public List<FrameRow> layerFrames(String layerId, FrameQuery query) {
    return database.transaction(c -> {
      layerRows(c, "id = ?", layerId).stream().findFirst().orElseThrow(
          () -> FarmException.notFound("layer " + layerId + " does not exist"));
      return query.page(frameRows(c, "f.layer_id = ?", layerId));
    });
  }

  public FrameRow frame(String id) {
    return database.transaction(c -> frame(c, id));
  }

  /** Applies {@code change} to the frames of a job that {@code query} selects (unpaged). */
  public void changeJobFrames(String jobId, FrameQuery query, FrameChange change) {
    database.transaction(c -> {
      job(c, jobId);
      List<FrameRow> frames =
          frameRows(c, "f.job_id = ?", jobId).stream().filter(query::matches).toList();
      return apply(c, frames, change);
    });
  }

  public void changeLayerFrames(String layerId, FrameChange change) {
    database.transaction(c -> {
      layerRows(c, "id = ?", layerId).stream().findFirst().orElseThrow(
          () -> FarmException.notFound("layer " + layerId + " does not exist"));
      return apply(c, frameRows(c, "f.layer_id = ?", layerId), change);
    });
  }

  public void changeFrame(String frameId, FrameChange change) {
    database.transaction(c -> apply(c, List.of(frame(c, frameId)), change));
  }

  /** A host picked the frame up: WAITING becomes RUNNING. */
  public void startFrame(String frameId) {
    database.transaction(c -> {
      startFrame(c, frameId);
      return null;
    });
  }

  /**
   * A running frame ended. Exit status 0 is success; a failure makes the frame wait for another
   * try, or DEAD once it has failed {@code maxretries} times (EATEN when the job auto-eats).
   */
  public void finishFrame(String frameId, int exitStatus) {
    database.transaction(c -> finishFrame(c, frameId, exitStatus));
  }

  /**
   * Runs {@code work} of another part of the farm (the worker protocol) in one transaction with
   * the frame changes it makes, so that both commit or neither does.
   */
  public <T> T transaction(FarmTransaction.Work<T> work) {
    return database.transaction(c -> work.run(new FarmTransaction(this, c)));
  }

  // Workers as hosts

  /** The registered HTTP workers, as OpenCue's host calls show them. */
  public List<HostRow> hosts() {
    return database.transaction(Hosts::all);
  }

  /**
   * Asks the worker {@code hostId} to change its status: {@code lazy} once its task is done,
   * else at once.
   */
  public void requestHostStatus(String hostId, String status, boolean lazy) {
    database.transaction(c -> {
      Hosts.requestStatus(c, hostId, status, lazy);
      return null;
    });
  }

  void startFrame(Connection c, String frameId) throws SQLException {
    FrameRow frame = frame(c, frameId);
    requireState(frame, FrameState.WAITING);
    Sql.update(c, "UPDATE frame SET state = ?, start_time = ?, stop_time = 0"
        + " WHERE id = ?", FrameState.RUNNING.name(), now(), frameId);
  }

  FrameState finishFrame(Connection c, String frameId, int exitStatus) throws SQLException {
    FrameRow frame = frame(c, frameId);
    requireState(frame, FrameState.RUNNING);
    if (ExternalFrames.isExternal(c, frame.jobId())) {
      return externalFrames(c).end(frameId, exitStatus, 0);
    }
    JobRow job = job(c, frame.jobId());
    int retries = frame.retryCount() + (exitStatus == 0 ? 0 : 1);
    FrameState next = exitStatus == 0 ? FrameState.SUCCEEDED
        : retries < job.maxRetries() ? FrameState.WAITING
        : finalFailure(job);
    Sql.update(c, "UPDATE frame SET state = ?, exit_status = ?, retry_count = ?, stop_time = ?"
        + " WHERE id = ?", next.name(), exitStatus, retries, now(), frameId);
    if (next == FrameState.SUCCEEDED || next == FrameState.EATEN) {
      new Dependencies(c).satisfied(frame);
    }
    refreshJob(c, frame.jobId());
    return next;
  }

  /** A running frame goes back to WAITING without counting a failure, as a kill does. */
  void requeueFrame(Connection c, String frameId) throws SQLException {
    FrameRow frame = frame(c, frameId);
    requireState(frame, FrameState.RUNNING);
    if (ExternalFrames.isExternal(c, frame.jobId())) {
      // Its scheduler re-queues it, perhaps on another host; running it here too would double it.
      externalFrames(c).end(frameId, INTERRUPTED_EXIT_STATUS, 0);
      return;
    }
    Sql.update(c, "UPDATE frame SET state = ?, stop_time = ? WHERE id = ?",
        FrameState.WAITING.name(), now(), frameId);
  }

  ExternalFrames externalFrames(Connection c) {
    return new ExternalFrames(this, c, externalFrames, now());
  }

  /** A waiting frame that nobody may run any more fails for good: DEAD, or EATEN on autoeat. */
  FrameState giveUpFrame(Connection c, String frameId) throws SQLException {
    FrameRow frame = frame(c, frameId);
    requireState(frame, FrameState.WAITING);
    FrameState next = finalFailure(job(c, frame.jobId()));
    Sql.update(c, "UPDATE frame SET state = ?, stop_time = ? WHERE id = ?",
        next.name(), now(), frameId);
    if (next == FrameState.EATEN) {
      new Dependencies(c).satisfied(frame);
    }
    refreshJob(c, frame.jobId());
    return next;
  }

  private static FrameState finalFailure(JobRow job) {
    return job.autoEat() ? FrameState.EATEN : FrameState.DEAD;
  }

  private static void requireState(FrameRow frame, FrameState expected) {
    if (frame.state() != expected) {
      throw new FarmException(FarmException.Kind.FAILED_PRECONDITION,
          "frame " + frame.name() + " is " + frame.state() + ", not " + expected);
    }
  }

  private Void apply(Connection c, List<FrameRow> frames, FrameChange change)
      throws SQLException {
    Dependencies dependencies = new Dependencies(c);
    List<String> jobs = new ArrayList<>();
    for (FrameRow frame : frames) {
      FrameState state = frame.state();
      switch (change) {
        case RETRY -> {
          if (state == FrameState.DEAD || state == FrameState.SUCCEEDED
              || state == FrameState.EATEN) {
            FrameState next = frame.dependCount() > 0 ? FrameState.DEPEND : FrameState.WAITING;
            Sql.update(c, "UPDATE frame SET state = ?, exit_status = 0, stop_time = 0"
                + " WHERE id = ?", next.name(), frame.id());
          }
        }
        case EAT -> {
          if (state != FrameState.SUCCEEDED && state != FrameState.EATEN) {
            Sql.update(c, "UPDATE frame SET state = ?, stop_time = ? WHERE id = ?",
                FrameState.EATEN.name(), now(), frame.id());
            dependencies.satisfied(frame);
          }
        }
        case KILL -> {
          if (state == FrameState.RUNNING) {
            Sql.update(c, "UPDATE frame SET state = ?, stop_time = ? WHERE id = ?",
                FrameState.WAITING.name(), now(), frame.id());
          }
        }
      }
      if (!jobs.contains(frame.jobId())) {
        jobs.add(frame.jobId());
      }
    }
    for (String job : jobs) {
      refreshJob(c, job);
    }
    return null;
  }

  /** FINISHED once killed or when every frame is SUCCEEDED or EATEN; PENDING otherwise. */
  void refreshJob(Connection c, String jobId) throws SQLException {
    JobRow job = job(c, jobId);
    boolean finished = Sql.one(c, "SELECT killed FROM job WHERE id = ?",
        row -> row.getBoolean(1), jobId).orElseThrow()
        || job.frames().done() == job.frames().total();
    JobState next = finished ? JobState.FINISHED : JobState.PENDING;
    if (next != job.state()) {
      Sql.update(c, "UPDATE job SET state = ?, stop_time = ? WHERE id = ?",
          next.name(), finished ? now() : 0L, jobId);
    }
  }

  // Reading rows

  JobRow job(Connection c, String id) throws SQLException {
    return jobRows(c, " WHERE j.id = ?", new Object[] {id}).stream()
        .findFirst()
        .orElseThrow(() -> FarmException.notFound("job " + id + " does not exist"));
  }

  FrameRow frame(Connection c, String id) throws SQLException {
    return Sql.one(c, Rows.FRAME_SELECT + " WHERE f.id = ?", Rows::frame, id)
        .orElseThrow(() -> FarmException.notFound("frame " + id + " does not exist"));
  }

  private List<JobRow> jobRows(Connection c, String where, Object[] args) throws SQLException {
    Map<String, FrameCounts> counts =
        counts(c, "SELECT f.job_id, f.state, COUNT(*) FROM frame f"
            + (where.isEmpty() ? "" : " JOIN job j ON j.id = f.job_id" + where)
            + " GROUP BY f.job_id, f.state", args);
    return Sql.list(c, Rows.JOB_SELECT + where + " ORDER BY j.name, j.start_time",
        row -> Rows.job(row, counts.getOrDefault(row.getString("id"), FrameCounts.NONE)), args);
  }

  List<LayerRow> layerRows(Connection c, String where, Object... args)
      throws SQLException {
    Map<String, FrameCounts> counts = counts(c, "SELECT layer_id, state, COUNT(*) FROM frame"
        + " WHERE layer_id IN (SELECT id FROM layer WHERE " + where + ")"
        + " GROUP BY layer_id, state", args);
    return Sql.list(c, "SELECT * FROM layer WHERE " + where + " ORDER BY dispatch_order",
        row -> Rows.layer(row, counts.getOrDefault(row.getString("id"), FrameCounts.NONE)),
        args);
  }

  private List<FrameRow> frameRows(Connection c, String where, Object... args)
      throws SQLException {
    return Sql.list(c, Rows.FRAME_SELECT + " WHERE " + where + Rows.FRAME_ORDER, Rows::frame,
        args);
  }

  private List<ShowRow> showRows(Connection c) throws SQLException {
    List<JobRow> jobs = jobRows(c, "", new Object[0]);
    return Sql.list(c, "SELECT * FROM show ORDER BY name", row -> {
      String name = row.getString("name");
      List<JobRow> showJobs = jobs.stream().filter(job -> job.show().equals(name)).toList();
      List<JobRow> pending =
          showJobs.stream().filter(job -> job.state() == JobState.PENDING).toList();
      FrameCounts all = sum(showJobs);
      return new ShowRow(row.getString("id"), name, row.getBoolean("active"),
          row.getLong("created_job_count"), row.getLong("created_frame_count"),
          all.get(FrameState.SUCCEEDED), all.get(FrameState.DEAD), pending.size(),
          sum(pending));
    });
  }

  private static FrameCounts sum(List<JobRow> jobs) {
    FrameCounts total = FrameCounts.NONE;
    for (JobRow job : jobs) {
      total = total.plus(job.frames());
    }
    return total;
  }

  private static Map<String, FrameCounts> counts(Connection c, String sql, Object... args)
      throws SQLException {
    Map<String, Map<FrameState, Integer>> byOwner = new HashMap<>();
    Sql.list(c, sql, row -> byOwner
        .computeIfAbsent(row.getString(1), owner -> new EnumMap<>(FrameState.class))
        .put(FrameState.valueOf(row.getString(2)), row.getInt(3)), args);
    Map<String, FrameCounts> counts = new HashMap<>();
    byOwner.forEach((owner, states) -> counts.put(owner, new FrameCounts(states)));
    return counts;
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }
}
