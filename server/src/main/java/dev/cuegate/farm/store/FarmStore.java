package dev.cuegate.farm.store;

import dev.cuegate.db.Database;
import dev.cuegate.db.Sql;
import dev.cuegate.db.Transaction;
import dev.cuegate.farm.spec.JobSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded farm's shows, jobs, layers, frames and comments. Every public method is one
 * transaction, so a crash leaves each change either whole or absent.
 */
public final class FarmStore implements AutoCloseable {
  /** Where OpenCue keeps frame logs, for a store that is given no root of its own. */
  private static final String OPENCUE_LOG_ROOT = "/shots";
  private static final Logger log = LoggerFactory.getLogger(FarmStore.class);
  private static final Pattern SHOW_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private final Database database;
  private final Clock clock;
  private final Optional<Path> logRoot;
  private final ExternalFrameListener externalFrames;
  private final FarmChangeListener changes;
  /**
   * Whose hosts' changes {@link #changes} hears of, and who runs the frames its frame changes
   * name; empty when it hears of none.
   */
  private final Optional<HostDirectory> watchedHosts;

  private FarmStore(Database database, Clock clock, ExternalFrameListener externalFrames,
      Optional<Path> logRoot, FarmChangeListener changes, Optional<HostDirectory> watchedHosts) {
    this.database = database;
    this.clock = clock;
    this.externalFrames = externalFrames;
    this.logRoot = logRoot;
    this.changes = changes;
    this.watchedHosts = watchedHosts;
  }

  /** Opens (and migrates) the database at {@code jdbcUrl}. */
  public static FarmStore open(String jdbcUrl, Clock clock) {
    return open(jdbcUrl, clock, ExternalFrameListener.NONE);
  }

  /** As {@link #open(String, Clock)}; {@code externalFrames} hears when external frames end. */
  public static FarmStore open(String jdbcUrl, Clock clock,
      ExternalFrameListener externalFrames) {
    return new FarmStore(Database.open(jdbcUrl), clock, externalFrames, Optional.empty(),
        FarmChangeListener.NONE, Optional.empty());
  }

  /**
   * As {@link #open(String, Clock, ExternalFrameListener)}; the log directories of the jobs it
   * launches are made under {@code logRoot} (instead of OpenCue's {@code /shots}) when they are
   * launched, so that frame logs can be written where OpenCue's tools read them. {@code changes}
   * is told of each change clients may hear of, inside the transaction that makes it, those of
   * {@code hosts} included (up or down, locked or unlocked by a transaction of
   * {@link #transaction}); an operator's change of a running frame names the one of
   * {@code hosts} that runs it.
   */
  public static FarmStore open(String jdbcUrl, Clock clock, ExternalFrameListener externalFrames,
      Path logRoot, FarmChangeListener changes, HostDirectory hosts) {
    return new FarmStore(Database.open(jdbcUrl), clock, externalFrames, Optional.of(logRoot),
        changes, Optional.of(hosts));
  }

  /** The database, for the store's other entry points (limits, services, scheduling). */
  Database database() {
    return database;
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
      for (ShowRow show : Reads.showRows(c, "")) {
        if (show.active() || !activeOnly) {
          shows.add(show);
        }
      }
      return shows;
    });
  }

  public ShowRow findShow(String name) {
    return database.transaction(c -> Reads.showRows(c, " WHERE s.name = ?", name).stream()
        .findFirst()
        .orElseThrow(() -> FarmException.notFound("show \"" + name + "\" does not exist")));
  }

  /** The show named {@code name}; also answers with it when given only an id. */
  public ShowRow show(String id, String name) {
    return database.transaction(c -> (id.isEmpty()
            ? Reads.showRows(c, " WHERE s.name = ?", name)
            : Reads.showRows(c, " WHERE s.id = ?", id)).stream()
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
  static Optional<String[]> showIds(Transaction c, String name) throws SQLException {
    return Sql.one(c, "SELECT s.id, g.id FROM show s JOIN folder g ON g.show_id = s.id"
            + " AND g.parent_id IS NULL WHERE s.name = ?",
        row -> new String[] {row.getString(1), row.getString(2)}, name);
  }

  /** Creates the show {@code name} with its root group; answers both ids. */
  static String[] insertShow(Transaction c, String name) throws SQLException {
    String id = UUID.randomUUID().toString();
    String folder = UUID.randomUUID().toString();
    Sql.update(c, "INSERT INTO show (id, name, active, created_job_count, created_frame_count)"
        + " VALUES (?, ?, ?, 0, 0)", id, name, true);
    Sql.update(c, "INSERT INTO folder (id, show_id, name, parent_id, level)"
        + " VALUES (?, ?, ?, NULL, 0)", folder, id, name);
    return new String[] {id, folder};
  }

  /**
   * The address that hears of new comments on the show's jobs; empty for none.
   *
   * @throws FarmException NOT_FOUND when there is no such show
   */
  public void setCommentEmail(String showId, String email) {
    database.transaction(c -> {
      if (Sql.update(c, "UPDATE show SET comment_email = ? WHERE id = ?", email.trim(), showId)
          == 0) {
        throw FarmException.notFound("show " + showId + " does not exist");
      }
      return null;
    });
  }

  /** The shows' subscriptions to the farm's allocation. */
  public Subscriptions subscriptions() {
    return new Subscriptions(database);
  }

  /** The departments' settings in each show, and their tasks. */
  public Departments departments() {
    return new Departments(database);
  }

  public List<GroupRow> groups(String showId) {
    return new GroupStore(this).groups(showId);
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
    String root = logRoot.map(Path::toString).orElse(OPENCUE_LOG_ROOT);
    List<String> ids = database.transaction(c -> {
      List<String> launched = new JobLauncher(c, now(), root).launch(spec);
      for (String id : launched) {
        JobRow job = Reads.job(c, id);
        changes.changed(c, FarmChange.ofJob(FarmChange.Kind.JOB_LAUNCHED, job,
            "user", job.user(), "shot", job.shot()));
      }
      return launched;
    });
    if (logRoot.isPresent()) {
      ids.forEach(id -> makeLogDirectory(job(id).logDir()));
    }
    return ids;
  }

  /** The job's frames run all the same: their logs are kept under DATA_DIR in any case. */
  private static void makeLogDirectory(String directory) {
    try {
      Files.createDirectories(Path.of(directory));
    } catch (IOException e) {
      log.warn("cannot make the frame log directory {}: {}", directory, e.toString());
    }
  }

  public List<JobRow> jobs(JobQuery query) {
    return database.transaction(c ->
        Reads.jobRows(c, "").stream().filter(query::matches).toList());
  }

  public JobRow job(String id) {
    return database.transaction(c -> Reads.job(c, id));
  }

  /** The pending job named {@code name}: a finished job's name may be used again. */
  public JobRow findJob(String name) {
    return database.transaction(c ->
        Reads.jobRows(c, " WHERE j.name = ? AND j.state = ?", name, "PENDING").stream()
            .findFirst()
            .orElseThrow(() -> FarmException.notFound("job \"" + name + "\" is not pending")));
  }

  public void pause(String jobId, boolean paused) {
    database.transaction(c -> {
      JobRow job = Reads.job(c, jobId);
      Sql.update(c, "UPDATE job SET paused = ? WHERE id = ?", paused, jobId);
      if (job.paused() != paused) {
        changes.changed(c, FarmChange.ofJob(paused ? FarmChange.Kind.JOB_PAUSED
            : FarmChange.Kind.JOB_RESUMED, job));
      }
      return null;
    });
  }

  public void setPriority(String jobId, int priority) {
    setJobColumn(jobId, "priority", notNegative("priority", priority));
  }

  /** How many times each frame may fail before it is DEAD (or EATEN on auto-eat). */
  public void setMaxRetries(String jobId, int maxRetries) {
    setJobColumn(jobId, "max_retries", notNegative("max_retries", maxRetries));
  }

  /** Whether frames that fail for the last time are EATEN instead of DEAD. */
  public void setAutoEat(String jobId, boolean autoEat) {
    setJobColumn(jobId, "auto_eat", autoEat);
  }

  /** Sets one column of an existing job; {@code column} is always a literal of this class. */
  private void setJobColumn(String jobId, String column, Object value) {
    database.transaction(c -> {
      Reads.job(c, jobId);
      return Sql.update(c, "UPDATE job SET " + column + " = ? WHERE id = ?", value, jobId);
    });
  }

  private static int notNegative(String field, int value) {
    if (value < 0) {
      throw FarmException.invalid(field + " must be 0 or more, got " + value);
    }
    return value;
  }

  /**
   * Finishes the job for good: running frames stop, nothing more is dispatched, and what
   * depended on the job no longer waits for it.
   */
  public void kill(String jobId) {
    database.transaction(c -> {
      states(c).kill(jobId);
      return null;
    });
  }

  public List<CommentRow> comments(String jobId) {
    return database.transaction(c -> {
      Reads.job(c, jobId);
      return Sql.list(c, "SELECT * FROM job_comment WHERE job_id = ? ORDER BY created, id",
          Rows::comment, jobId);
    });
  }

  public void addComment(String jobId, String user, String subject, String message) {
    database.transaction(c -> {
      JobRow job = Reads.job(c, jobId);
      Sql.update(c, "INSERT INTO job_comment (id, job_id, created, author, subject,"
              + " message) VALUES (?, ?, ?, ?, ?, ?)",
          UUID.randomUUID().toString(), jobId, now(), user, subject, message);
      changes.changed(c, FarmChange.ofJob(FarmChange.Kind.COMMENT_ADDED, job,
          "user", user, "subject", subject));
      return null;
    });
  }

  // Layers

  public List<LayerRow> layers(String jobId) {
    return database.transaction(c -> {
      Reads.job(c, jobId);
      return Reads.layerRows(c, "job_id = ?", jobId);
    });
  }

  public LayerRow layer(String id) {
    return database.transaction(c -> Reads.layerRows(c, "id = ?", id).stream()
        .findFirst()
        .orElseThrow(() -> FarmException.notFound("layer " + id + " does not exist")));
  }

  /** Replaces the layer's tags (valid tags): a host needs one of them to run its frames. */
  public void setLayerTags(String layerId, List<String> tags) {
    database.transaction(c -> {
      layerExists(c, layerId);
      return Sql.update(c, "UPDATE layer SET tags = ? WHERE id = ?", Rows.json(tags), layerId);
    });
  }

  private static void layerExists(Transaction c, String layerId) throws SQLException {
    if (Reads.layerRows(c, "id = ?", layerId).isEmpty()) {
      throw FarmException.notFound("layer " + layerId + " does not exist");
    }
  }

  /** A layer of the pending job named {@code jobName}. */
  public LayerRow findLayer(String jobName, String layerName) {
    JobRow job = findJob(jobName);
    return database.transaction(c ->
        Reads.layerRows(c, "job_id = ? AND name = ?", job.id(), layerName).stream()
            .findFirst()
            .orElseThrow(() -> FarmException.notFound(
                "job \"" + jobName + "\" has no layer \"" + layerName + "\"")));
  }

  // Dependencies (only those still holding, as Cuebot lists them)

  /** What the job waits for: its own dependencies and those of its layers and frames. */
  public List<DependRow> dependsOfJob(String jobId) {
    return database.transaction(c -> {
      Reads.job(c, jobId);
      return DependReads.where(c, "d.er_job_id = ?", jobId);
    });
  }

  /** What waits for the job or a part of it. */
  public List<DependRow> dependsOnJob(String jobId) {
    return database.transaction(c -> {
      Reads.job(c, jobId);
      return DependReads.where(c, "d.on_job_id = ?", jobId);
    });
  }

  /** What the layer or one of its frames waits for. */
  public List<DependRow> dependsOfLayer(String layerId) {
    return database.transaction(c -> {
      existingLayer(c, layerId);
      return DependReads.where(c, "d.er_layer_id = ?", layerId);
    });
  }

  /** What waits for the layer or one of its frames. */
  public List<DependRow> dependsOnLayer(String layerId) {
    return database.transaction(c -> {
      existingLayer(c, layerId);
      return DependReads.where(c, "d.on_layer_id = ?", layerId);
    });
  }

  /** What the frame waits for: on its own, or as part of its layer or job. */
  public List<DependRow> dependsOfFrame(String frameId) {
    return frameDepends("er", frameId);
  }

  /** What waits for the frame: for it alone, or for its layer or job. */
  public List<DependRow> dependsOnFrame(String frameId) {
    return frameDepends("on", frameId);
  }

  /**
   * The dependencies whose {@code side} ({@code er}: the waiting one, {@code on}: the one waited
   * for) is the frame, its layer as a whole, or its job as a whole.
   */
  private List<DependRow> frameDepends(String side, String frameId) {
    return database.transaction(c -> {
      FrameRow frame = Reads.frame(c, frameId);
      return DependReads.where(c, String.format("(d.%1$s_frame_id = ?"
              + " OR (d.%1$s_layer_id = ? AND d.%1$s_frame_id IS NULL)"
              + " OR (d.%1$s_job_id = ? AND d.%1$s_layer_id IS NULL))", side),
          frameId, frame.layerId(), frame.jobId());
    });
  }

  private static LayerRow existingLayer(Transaction c, String layerId) throws SQLException {
    return Reads.layerRows(c, "id = ?", layerId).stream().findFirst().orElseThrow(
        () -> FarmException.notFound("layer " + layerId + " does not exist"));
  }

  // Frames

  public List<FrameRow> jobFrames(String jobId, FrameQuery query) {
    return database.transaction(c -> {
      Reads.job(c, jobId);
      return query.page(Reads.frameRows(c, "f.job_id = ?", jobId));
    });
  }

  public List<FrameRow> layerFrames(String layerId, FrameQuery query) {
    return database.transaction(c -> {
      Reads.layerRows(c, "id = ?", layerId).stream().findFirst().orElseThrow(
          () -> FarmException.notFound("layer " + layerId + " does not exist"));
      return query.page(Reads.frameRows(c, "f.layer_id = ?", layerId));
    });
  }

  public FrameRow frame(String id) {
    return database.transaction(c -> Reads.frame(c, id));
  }

  /** Applies {@code change} to the frames of a job that {@code query} selects (unpaged). */
  public void changeJobFrames(String jobId, FrameQuery query, FrameChange change) {
    database.transaction(c -> {
      Reads.job(c, jobId);
      List<FrameRow> frames =
          Reads.frameRows(c, "f.job_id = ?", jobId).stream().filter(query::matches).toList();
      states(c).apply(frames, change, runningOn(c));
      return null;
    });
  }

  public void changeLayerFrames(String layerId, FrameChange change) {
    database.transaction(c -> {
      Reads.layerRows(c, "id = ?", layerId).stream().findFirst().orElseThrow(
          () -> FarmException.notFound("layer " + layerId + " does not exist"));
      states(c).apply(Reads.frameRows(c, "f.layer_id = ?", layerId), change, runningOn(c));
      return null;
    });
  }

  public void changeFrame(String frameId, FrameChange change) {
    database.transaction(c -> {
      states(c).apply(List.of(Reads.frame(c, frameId)), change, runningOn(c));
      return null;
    });
  }

  /** The host named {@code host} picked the frame up: WAITING becomes RUNNING. */
  public void startFrame(String frameId, String host) {
    database.transaction(c -> {
      states(c).start(frameId, host);
      return null;
    });
  }

  /**
   * A running frame ended. Exit status 0 is success; a failure makes the frame wait for another
   * try, or DEAD once it has failed {@code maxretries} times (EATEN when the job auto-eats).
   * {@code host} ran it.
   */
  public void finishFrame(String frameId, int exitStatus, String host) {
    database.transaction(c -> states(c).finish(frameId, exitStatus, host));
  }

  /**
   * Runs {@code work} of another part of the farm (the worker protocol) in one transaction with
   * the frame changes it makes, so that both commit or neither does.
   */
  public <T> T transaction(FarmTransaction.Work<T> work) {
    return database.transaction(c -> {
      FarmTransaction tx = new FarmTransaction(c, states(c));
      if (watchedHosts.isEmpty()) {
        return work.run(tx);
      }
      HostChanges hosts = HostChanges.before(watchedHosts.get(), changes, tx);
      T result = work.run(tx);
      hosts.tell(tx);
      return result;
    });
  }

  /** Work of the store's other classes in one transaction, with the frame state machine. */
  @FunctionalInterface
  interface StoreWork<T> {
    T run(Transaction c, FrameStates states) throws SQLException;
  }

  <T> T run(StoreWork<T> work) {
    return database.transaction(c -> work.run(c, states(c)));
  }

  /**
   * The name of the host running each running frame, by frame id, for the events of an
   * operator's change; none without hosts.
   */
  private Map<String, String> runningOn(Transaction c) throws SQLException {
    Map<String, String> hosts = new HashMap<>();
    if (watchedHosts.isPresent()) {
      for (HostRow host : watchedHosts.get().hosts(new FarmTransaction(c, states(c)))) {
        host.runningFrames().forEach(frame -> hosts.put(frame, host.name()));
      }
    }
    return hosts;
  }

  private FrameStates states(Transaction c) {
    return new FrameStates(c, now(), externalFrames, changes);
  }

  Clock clock() {
    return clock;
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }
}
