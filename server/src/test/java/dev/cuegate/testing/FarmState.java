package dev.cuegate.testing;

import dev.cuegate.proto.comment.Comment;
import dev.cuegate.proto.facility.Allocation;
import dev.cuegate.proto.facility.AllocationStats;
import dev.cuegate.proto.facility.Facility;
import dev.cuegate.proto.filter.Action;
import dev.cuegate.proto.filter.Filter;
import dev.cuegate.proto.filter.Matcher;
import dev.cuegate.proto.host.Deed;
import dev.cuegate.proto.host.HardwareState;
import dev.cuegate.proto.host.Host;
import dev.cuegate.proto.host.LockState;
import dev.cuegate.proto.host.Owner;
import dev.cuegate.proto.host.Proc;
import dev.cuegate.proto.job.Frame;
import dev.cuegate.proto.job.FrameState;
import dev.cuegate.proto.job.Group;
import dev.cuegate.proto.job.GroupStats;
import dev.cuegate.proto.job.Job;
import dev.cuegate.proto.job.JobState;
import dev.cuegate.proto.job.JobStats;
import dev.cuegate.proto.job.Layer;
import dev.cuegate.proto.limit.Limit;
import dev.cuegate.proto.service.Service;
import dev.cuegate.proto.show.Show;
import dev.cuegate.proto.show.ShowStats;
import dev.cuegate.proto.subscription.Subscription;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The fake Cuebot's in-memory farm: shows, groups, jobs, layers, frames, hosts and the rest.
 *
 * <p>Thread-safe: every method holds the instance lock. Stats are derived from frame states on
 * every read, so they are always consistent with the frames. Lookups of unknown entities throw
 * {@code NOT_FOUND} with a Cuebot-like description.
 */
public final class FarmState {

  /** Cuebot's historic counters are large; these bases make them exercise 64-bit JSON strings. */
  static final long CREATED_JOB_BASE = 48_211L;

  static final long CREATED_FRAME_BASE = 10_344_702L;
  static final long RENDERED_FRAME_BASE = 9_872_113L;
  static final long FAILED_FRAME_BASE = 311_877L;

  private final Clock clock;

  private final Map<String, Show> shows = new LinkedHashMap<>();
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private final Map<String, String> showOfGroup = new HashMap<>();
  private final Map<String, Job> jobs = new LinkedHashMap<>();
  private final Map<String, Layer> layers = new LinkedHashMap<>();
  private final Map<String, String> jobOfLayer = new HashMap<>();
  private final Map<String, Frame> frames = new LinkedHashMap<>();
  private final Map<String, String> layerOfFrame = new HashMap<>();
  private final Map<String, Integer> frameUpdatedAt = new HashMap<>();
  private final Map<String, Host> hosts = new LinkedHashMap<>();
  private final Map<String, Proc> procs = new LinkedHashMap<>();
  private final Map<String, String> hostOfProc = new HashMap<>();
  private final Map<String, String> procOfFrame = new HashMap<>();
  private final Map<String, Owner> owners = new LinkedHashMap<>();
  private final Map<String, Deed> deeds = new LinkedHashMap<>();
  private final Map<String, Facility> facilities = new LinkedHashMap<>();
  private final Map<String, Allocation> allocations = new LinkedHashMap<>();
  private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
  private final Map<String, Filter> filters = new LinkedHashMap<>();
  private final Map<String, String> showOfFilter = new HashMap<>();
  private final Map<String, List<Action>> actionsOfFilter = new HashMap<>();
  private final Map<String, List<Matcher>> matchersOfFilter = new HashMap<>();
  private final Map<String, Limit> limits = new LinkedHashMap<>();
  private final Map<String, Service> services = new LinkedHashMap<>();
  private final Map<String, Comment> comments = new LinkedHashMap<>();
  private final Map<String, String> subjectOfComment = new HashMap<>();

  /** An empty farm whose time-stamped changes (kills, comments) read {@code clock}. */
  public FarmState(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
  }

  /** Empties the farm, e.g. before seeding it again. */
  public synchronized void clear() {
    for (Map<?, ?> map :
        List.of(
            shows,
            groups,
            showOfGroup,
            jobs,
            layers,
            jobOfLayer,
            frames,
            layerOfFrame,
            frameUpdatedAt,
            hosts,
            procs,
            hostOfProc,
            procOfFrame,
            owners,
            deeds,
            facilities,
            allocations,
            subscriptions,
            filters,
            showOfFilter,
            actionsOfFilter,
            matchersOfFilter,
            limits,
            services,
            comments,
            subjectOfComment)) {
      map.clear();
    }
  }

  int now() {
    return (int) clock.instant().getEpochSecond();
  }

  static String newId() {
    return UUID.randomUUID().toString();
  }

  static StatusRuntimeException notFound(String kind, String key) {
    return Status.NOT_FOUND
        .withDescription("Failed to find " + kind + " " + key)
        .asRuntimeException();
  }

  /**
   * What Cuebot answers for a missing row in the lookups that let Spring's
   * {@code EmptyResultDataAccessException} through (a host's owner or deed, a show's filter by
   * name): INTERNAL, not NOT_FOUND, as FakeCuebotHonestyTest saw on OpenCue's Cuebot.
   */
  static StatusRuntimeException noRow() {
    return Status.INTERNAL
        .withDescription("org.springframework.dao.EmptyResultDataAccessException: Incorrect"
            + " result size: expected 1, actual 0")
        .asRuntimeException();
  }

  static StatusRuntimeException invalid(String description) {
    return Status.INVALID_ARGUMENT.withDescription(description).asRuntimeException();
  }

  private static <T> T get(Map<String, T> map, String kind, String id) {
    T value = map.get(id);
    if (value == null) {
      throw notFound(kind, id);
    }
    return value;
  }

  private static <T> Optional<T> first(Collection<T> values, Predicate<T> test) {
    return values.stream().filter(test).findFirst();
  }

  /** Resolves a reference message by its id, or by its name when the id is empty. */
  private static <T> T byIdOrName(
      String id, String name, String kind, Function<String, T> byId, Function<String, T> byName) {
    if (!id.isEmpty()) {
      return byId.apply(id);
    }
    if (!name.isEmpty()) {
      return byName.apply(name);
    }
    throw invalid(kind + " id is required");
  }

  // ---- shows and groups ----------------------------------------------------------------------

  public synchronized void addShow(Show show) {
    shows.put(show.getId(), show);
  }

  public synchronized List<Show> shows() {
    return shows.values().stream().map(this::withStats).toList();
  }

  public synchronized Show show(String id) {
    return withStats(get(shows, "show", id));
  }

  public synchronized Show findShow(String name) {
    return withStats(
        first(shows.values(), s -> s.getName().equals(name))
            .orElseThrow(() -> notFound("show", name)));
  }

  public synchronized Show show(Show ref) {
    return byIdOrName(ref.getId(), ref.getName(), "show", this::show, this::findShow);
  }

  public synchronized void updateShow(String id, UnaryOperator<Show.Builder> change) {
    shows.put(id, change.apply(get(shows, "show", id).toBuilder()).build());
  }

  private Show withStats(Show show) {
    List<JobStats> stats =
        jobs.values().stream()
            .filter(j -> j.getShow().equals(show.getName()))
            .map(j -> withStats(j).getJobStats())
            .toList();
    long pendingJobs =
        jobs.values().stream()
            .filter(j -> j.getShow().equals(show.getName()) && j.getState() == JobState.PENDING)
            .count();
    return show.toBuilder()
        .setShowStats(
            ShowStats.newBuilder()
                .setRunningFrames(stats.stream().mapToInt(JobStats::getRunningFrames).sum())
                .setDeadFrames(stats.stream().mapToInt(JobStats::getDeadFrames).sum())
                .setPendingFrames(stats.stream().mapToInt(JobStats::getPendingFrames).sum())
                .setPendingJobs((int) pendingJobs)
                .setCreatedJobCount(CREATED_JOB_BASE + stats.size())
                .setCreatedFrameCount(
                    CREATED_FRAME_BASE + stats.stream().mapToLong(JobStats::getTotalFrames).sum())
                .setRenderedFrameCount(
                    RENDERED_FRAME_BASE
                        + stats.stream().mapToLong(JobStats::getSucceededFrames).sum())
                .setFailedFrameCount(
                    FAILED_FRAME_BASE + stats.stream().mapToLong(JobStats::getDeadFrames).sum())
                .setReservedCores(
                    (float) stats.stream().mapToDouble(JobStats::getReservedCores).sum()))
        .build();
  }

  public synchronized void addGroup(String showName, Group group) {
    groups.put(group.getId(), group);
    showOfGroup.put(group.getId(), showName);
  }

  public synchronized List<Group> groups(String showName) {
    return groups.values().stream()
        .filter(g -> showOfGroup.get(g.getId()).equals(showName))
        .map(this::withStats)
        .toList();
  }

  public synchronized Group rootGroup(String showName) {
    return groups(showName).stream()
        .filter(g -> g.getParentId().isEmpty())
        .findFirst()
        .orElseThrow(() -> notFound("root group of show", showName));
  }

  public synchronized Group group(String id) {
    return withStats(get(groups, "group", id));
  }

  public synchronized Group findGroup(String showName, String name) {
    return groups(showName).stream()
        .filter(g -> g.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> notFound("group", showName + "/" + name));
  }

  public synchronized Group group(Group ref) {
    return byIdOrName(
        ref.getId(),
        ref.getName(),
        "group",
        this::group,
        name -> {
          throw notFound("group", name);
        });
  }

  public synchronized String showOfGroup(String groupId) {
    get(groups, "group", groupId);
    return showOfGroup.get(groupId);
  }

  public synchronized List<Group> childGroups(String parentId) {
    return groups.values().stream()
        .filter(g -> g.getParentId().equals(parentId))
        .map(this::withStats)
        .toList();
  }

  public synchronized void updateGroup(String id, UnaryOperator<Group.Builder> change) {
    groups.put(id, change.apply(get(groups, "group", id).toBuilder()).build());
  }

  private Group withStats(Group group) {
    String show = showOfGroup.get(group.getId());
    List<Job> members =
        jobs.values().stream()
            .filter(j -> j.getShow().equals(show) && j.getGroup().equals(group.getName()))
            .filter(j -> j.getState() == JobState.PENDING)
            .map(this::withStats)
            .toList();
    List<JobStats> stats = members.stream().map(Job::getJobStats).toList();
    return group.toBuilder()
        .setGroupStats(
            GroupStats.newBuilder()
                .setRunningFrames(stats.stream().mapToInt(JobStats::getRunningFrames).sum())
                .setDeadFrames(stats.stream().mapToInt(JobStats::getDeadFrames).sum())
                .setDependFrames(stats.stream().mapToInt(JobStats::getDependFrames).sum())
                .setWaitingFrames(stats.stream().mapToInt(JobStats::getWaitingFrames).sum())
                .setPendingJobs(stats.size())
                .setReservedCores(
                    (float) stats.stream().mapToDouble(JobStats::getReservedCores).sum()))
        .build();
  }

  // ---- jobs, layers, frames ------------------------------------------------------------------

  public synchronized void addJob(Job job) {
    jobs.put(job.getId(), job);
  }

  public synchronized void addLayer(String jobId, Layer layer) {
    layers.put(layer.getId(), layer);
    jobOfLayer.put(layer.getId(), jobId);
  }

  public synchronized void addFrame(String layerId, Frame frame) {
    frames.put(frame.getId(), frame);
    layerOfFrame.put(frame.getId(), layerId);
    frameUpdatedAt.put(frame.getId(), now());
  }

  public synchronized int jobCount() {
    return jobs.size();
  }

  /** Every job, finished or not, in submission order. */
  public synchronized List<Job> jobs() {
    return jobs.values().stream().map(this::withStats).toList();
  }

  public synchronized Job job(String id) {
    return withStats(get(jobs, "job", id));
  }

  public synchronized Job findJob(String name) {
    return withStats(
        first(jobs.values(), j -> j.getName().equals(name))
            .orElseThrow(() -> notFound("job", name)));
  }

  /** A job by id or, failing that, by name: some requests carry either in one string. */
  public synchronized Job jobByIdOrName(String key) {
    Job byId = jobs.get(key);
    return byId != null ? withStats(byId) : findJob(key);
  }

  public synchronized Job job(Job ref) {
    return byIdOrName(ref.getId(), ref.getName(), "job", this::job, this::findJob);
  }

  public synchronized void updateJob(String id, UnaryOperator<Job.Builder> change) {
    jobs.put(id, change.apply(get(jobs, "job", id).toBuilder()).build());
  }

  /** Kills a job as Cuebot does: running frames are stopped and the job is FINISHED. */
  public synchronized void killJob(String id) {
    setFrameStates(
        frames(id).stream().filter(f -> f.getState() == FrameState.RUNNING).toList(),
        FrameState.WAITING);
    int now = now();
    updateJob(id, j -> j.setState(JobState.FINISHED).setStopTime(now));
  }

  private Job withStats(Job job) {
    List<Layer> ofJob = layersOfJob(job.getId());
    if (ofJob.isEmpty()) {
      // Bulk-generated jobs have no frames: they keep the stats they were created with.
      return job;
    }
    List<Frame> ofFrames = frames(job.getId());
    return job.toBuilder()
        .setJobStats(FarmStats.of(ofFrames, reservedCores(ofFrames)).toJobStats(ofJob.size()))
        .build();
  }

  private List<Layer> layersOfJob(String jobId) {
    return layers.values().stream().filter(l -> jobOfLayer.get(l.getId()).equals(jobId)).toList();
  }

  public synchronized List<Layer> layers(String jobId) {
    get(jobs, "job", jobId);
    return layersOfJob(jobId).stream().map(this::withStats).toList();
  }

  public synchronized Layer layer(String id) {
    return withStats(get(layers, "layer", id));
  }

  public synchronized Layer findLayer(String jobName, String layerName) {
    Job job = findJob(jobName);
    return layersOfJob(job.getId()).stream()
        .filter(l -> l.getName().equals(layerName))
        .findFirst()
        .map(this::withStats)
        .orElseThrow(() -> notFound("layer", jobName + "/" + layerName));
  }

  public synchronized Layer layer(Layer ref) {
    return byIdOrName(
        ref.getId(),
        ref.getName(),
        "layer",
        this::layer,
        name -> {
          throw notFound("layer", name);
        });
  }

  public synchronized void updateLayer(String id, UnaryOperator<Layer.Builder> change) {
    layers.put(id, change.apply(get(layers, "layer", id).toBuilder()).build());
  }

  public synchronized String jobIdOfLayer(String layerId) {
    get(layers, "layer", layerId);
    return jobOfLayer.get(layerId);
  }

  private Layer withStats(Layer layer) {
    List<Frame> ofLayer = framesOfLayer(layer.getId());
    return layer.toBuilder()
        .setLayerStats(FarmStats.of(ofLayer, reservedCores(ofLayer)).toLayerStats())
        .build();
  }

  private float reservedCores(Collection<Frame> ofFrames) {
    double cores = 0;
    for (Frame frame : ofFrames) {
      String procId = procOfFrame.get(frame.getId());
      if (procId != null) {
        cores += procs.get(procId).getReservedCores();
      }
    }
    return (float) cores;
  }

  /** The frames of a job, ordered by layer and then frame number, as Cuebot lists them. */
  public synchronized List<Frame> frames(String jobId) {
    get(jobs, "job", jobId);
    List<Frame> result = new ArrayList<>();
    for (Layer layer : layersOfJob(jobId)) {
      result.addAll(framesOfLayer(layer.getId()));
    }
    return result;
  }

  private List<Frame> framesOfLayer(String layerId) {
    return frames.values().stream()
        .filter(f -> layerOfFrame.get(f.getId()).equals(layerId))
        .toList();
  }

  /**
   * The frames of a job changed (or added) at or after {@code since}, in epoch seconds: a
   * superset, within the second, of what Cuebot calls updated since then.
   */
  public synchronized List<Frame> framesUpdatedSince(String jobId, int since) {
    return frames(jobId).stream().filter(f -> frameUpdatedAt.get(f.getId()) >= since).toList();
  }

  public synchronized List<Frame> layerFrames(String layerId) {
    get(layers, "layer", layerId);
    return framesOfLayer(layerId);
  }

  public synchronized Frame frame(String id) {
    return get(frames, "frame", id);
  }

  public synchronized Frame findFrame(String jobName, String layerName, int number) {
    Layer layer = findLayer(jobName, layerName);
    return first(framesOfLayer(layer.getId()), f -> f.getNumber() == number)
        .orElseThrow(() -> notFound("frame", jobName + "/" + layerName + "/" + number));
  }

  public synchronized Frame frame(Frame ref) {
    return byIdOrName(
        ref.getId(),
        ref.getName(),
        "frame",
        this::frame,
        name -> {
          throw notFound("frame", name);
        });
  }

  public synchronized String jobIdOfFrame(String frameId) {
    get(frames, "frame", frameId);
    return jobOfLayer.get(layerOfFrame.get(frameId));
  }

  /**
   * Moves frames to a new state. Frames leaving RUNNING release their proc; a pending job whose
   * frames are then all succeeded or eaten becomes FINISHED.
   */
  public synchronized void setFrameStates(Collection<Frame> changed, FrameState state) {
    int now = now();
    Set<String> touchedJobs = new LinkedHashSet<>();
    for (Frame ref : changed) {
      Frame frame = frame(ref.getId());
      Frame.Builder next = frame.toBuilder().setState(state);
      if (frame.getState() == FrameState.RUNNING && state != FrameState.RUNNING) {
        releaseProcOf(frame.getId());
        next.setStopTime(now);
      }
      if (state == FrameState.WAITING) {
        next.setExitStatus(-1).setRetryCount(frame.getRetryCount() + 1);
      }
      frames.put(frame.getId(), next.build());
      frameUpdatedAt.put(frame.getId(), now);
      touchedJobs.add(jobOfLayer.get(layerOfFrame.get(frame.getId())));
    }
    for (String jobId : touchedJobs) {
      Job job = jobs.get(jobId);
      if (job.getState() == JobState.PENDING && FarmStats.of(frames(jobId), 0).done()) {
        jobs.put(jobId, job.toBuilder().setState(JobState.FINISHED).setStopTime(now).build());
      }
    }
  }

  // ---- hosts, procs, owners, deeds -----------------------------------------------------------

  public synchronized void addHost(Host host) {
    hosts.put(host.getId(), host);
  }

  public synchronized List<Host> hosts() {
    return hosts.values().stream().map(this::withIdle).toList();
  }

  public synchronized Host host(String id) {
    return withIdle(get(hosts, "host", id));
  }

  public synchronized Host findHost(String name) {
    return withIdle(
        first(hosts.values(), h -> h.getName().equals(name))
            .orElseThrow(() -> notFound("host", name)));
  }

  public synchronized Host host(Host ref) {
    return byIdOrName(ref.getId(), ref.getName(), "host", this::host, this::findHost);
  }

  public synchronized void updateHost(String id, UnaryOperator<Host.Builder> change) {
    hosts.put(id, change.apply(get(hosts, "host", id).toBuilder()).build());
  }

  private Host withIdle(Host host) {
    List<Proc> booked = procsOnHost(host.getId());
    double cores = booked.stream().mapToDouble(Proc::getReservedCores).sum();
    long memory = booked.stream().mapToLong(Proc::getReservedMemory).sum();
    return host.toBuilder()
        .setIdleCores((float) (host.getCores() - cores))
        .setIdleMemory(host.getMemory() - memory)
        .build();
  }

  /** Books a proc on a host for a running frame. */
  public synchronized void addProc(String hostId, String frameId, Proc proc) {
    procs.put(proc.getId(), proc);
    hostOfProc.put(proc.getId(), hostId);
    procOfFrame.put(frameId, proc.getId());
  }

  public synchronized List<Proc> procs() {
    return List.copyOf(procs.values());
  }

  private List<Proc> procsOnHost(String hostId) {
    return procs.values().stream().filter(p -> hostOfProc.get(p.getId()).equals(hostId)).toList();
  }

  public synchronized List<Proc> procs(String hostId) {
    get(hosts, "host", hostId);
    return procsOnHost(hostId);
  }

  public synchronized Proc proc(String id) {
    return get(procs, "proc", id);
  }

  public synchronized String hostIdOfProc(String procId) {
    get(procs, "proc", procId);
    return hostOfProc.get(procId);
  }

  /** The frame a proc runs. */
  public synchronized Frame frameOfProc(String procId) {
    get(procs, "proc", procId);
    return procOfFrame.entrySet().stream()
        .filter(e -> e.getValue().equals(procId))
        .map(e -> frames.get(e.getKey()))
        .findFirst()
        .orElseThrow(() -> notFound("frame of proc", procId));
  }

  /** Kills or unbooks a proc: its frame goes back to WAITING, as after a kill in Cuebot. */
  public synchronized void releaseProc(String procId) {
    setFrameStates(List.of(frameOfProc(procId)), FrameState.WAITING);
  }

  private void releaseProcOf(String frameId) {
    String procId = procOfFrame.remove(frameId);
    if (procId != null) {
      procs.remove(procId);
      hostOfProc.remove(procId);
    }
  }

  public synchronized void addOwner(Owner owner) {
    owners.put(owner.getId(), owner);
  }

  public synchronized Owner findOwner(String name) {
    Owner owner =
        first(owners.values(), o -> o.getName().equals(name))
            .orElseThrow(() -> notFound("owner", name));
    return withHostCount(owner);
  }

  public synchronized Owner owner(Owner ref) {
    return byIdOrName(
        ref.getId(),
        ref.getName(),
        "owner",
        id -> withHostCount(get(owners, "owner", id)),
        this::findOwner);
  }

  private Owner withHostCount(Owner owner) {
    int count =
        (int) deeds.values().stream().filter(d -> d.getOwner().equals(owner.getName())).count();
    return owner.toBuilder().setHostCount(count).build();
  }

  public synchronized void addDeed(Deed deed) {
    deeds.put(deed.getId(), deed);
  }

  public synchronized Deed deed(String id) {
    return get(deeds, "deed", id);
  }

  public synchronized List<Deed> deeds(Predicate<Deed> test) {
    return deeds.values().stream().filter(test).toList();
  }

  // ---- facilities, allocations, subscriptions ------------------------------------------------

  public synchronized void addFacility(Facility facility) {
    facilities.put(facility.getId(), facility);
  }

  public synchronized Facility findFacility(String name) {
    return first(facilities.values(), f -> f.getName().equals(name))
        .orElseThrow(() -> notFound("facility", name));
  }

  public synchronized void addAllocation(Allocation allocation) {
    allocations.put(allocation.getId(), allocation);
  }

  public synchronized List<Allocation> allocations() {
    return allocations.values().stream().map(this::withStats).toList();
  }

  public synchronized Allocation allocation(String id) {
    return withStats(get(allocations, "allocation", id));
  }

  public synchronized Allocation findAllocation(String name) {
    return withStats(
        first(allocations.values(), a -> a.getName().equals(name))
            .orElseThrow(() -> notFound("allocation", name)));
  }

  private Allocation withStats(Allocation allocation) {
    List<Host> members =
        hosts.values().stream()
            .filter(h -> h.getAllocName().equals(allocation.getName()))
            .map(this::withIdle)
            .toList();
    double cores = members.stream().mapToDouble(Host::getCores).sum();
    double idle = members.stream().mapToDouble(Host::getIdleCores).sum();
    double locked =
        members.stream()
            .filter(h -> h.getLockState() != LockState.OPEN)
            .mapToDouble(Host::getCores)
            .sum();
    return allocation.toBuilder()
        .setStats(
            AllocationStats.newBuilder()
                .setCores((float) cores)
                .setAvailableCores((float) (idle - locked))
                .setIdleCores((float) idle)
                .setRunningCores((float) (cores - idle))
                .setLockedCores((float) locked)
                .setHosts(members.size())
                .setLockedHosts(
                    (int) members.stream().filter(h -> h.getLockState() != LockState.OPEN).count())
                .setDownHosts(
                    (int) members.stream().filter(h -> h.getState() == HardwareState.DOWN).count()))
        .build();
  }

  public synchronized void addSubscription(Subscription subscription) {
    subscriptions.put(subscription.getId(), subscription);
  }

  public synchronized List<Subscription> subscriptions(Predicate<Subscription> test) {
    return subscriptions.values().stream().filter(test).toList();
  }

  public synchronized Subscription subscription(String id) {
    return get(subscriptions, "subscription", id);
  }

  public synchronized Subscription findSubscription(String name) {
    return first(subscriptions.values(), s -> s.getName().equals(name))
        .orElseThrow(() -> notFound("subscription", name));
  }

  // ---- filters, limits, services, comments ---------------------------------------------------

  public synchronized void addFilter(
      String showName, Filter filter, List<Action> actions, List<Matcher> matchers) {
    filters.put(filter.getId(), filter);
    showOfFilter.put(filter.getId(), showName);
    actionsOfFilter.put(filter.getId(), List.copyOf(actions));
    matchersOfFilter.put(filter.getId(), List.copyOf(matchers));
  }

  public synchronized List<Filter> filters(String showName) {
    return filters.values().stream()
        .filter(f -> showOfFilter.get(f.getId()).equals(showName))
        .toList();
  }

  public synchronized Filter findFilter(String showName, String name) {
    return first(filters(showName), f -> f.getName().equals(name))
        .orElseThrow(FarmState::noRow);
  }

  public synchronized List<Action> actions(String filterId) {
    get(filters, "filter", filterId);
    return actionsOfFilter.get(filterId);
  }

  public synchronized List<Matcher> matchers(String filterId) {
    get(filters, "filter", filterId);
    return matchersOfFilter.get(filterId);
  }

  public synchronized void addLimit(Limit limit) {
    limits.put(limit.getId(), limit);
  }

  public synchronized List<Limit> limits() {
    return List.copyOf(limits.values());
  }

  public synchronized Limit limit(String id) {
    return get(limits, "limit", id);
  }

  public synchronized Limit findLimit(String name) {
    return first(limits.values(), l -> l.getName().equals(name))
        .orElseThrow(() -> notFound("limit", name));
  }

  public synchronized void addService(Service service) {
    services.put(service.getId(), service);
  }

  public synchronized List<Service> services() {
    return List.copyOf(services.values());
  }

  public synchronized Service findService(String name) {
    return first(services.values(), s -> s.getName().equals(name))
        .orElseThrow(() -> notFound("service", name));
  }

  /**
   * Attaches a comment to a job or host (by id) and marks the subject as commented. A comment
   * without id or timestamp gets them, as Cuebot assigns them.
   */
  public synchronized Comment addComment(String subjectId, Comment comment) {
    Comment.Builder stored = comment.toBuilder();
    if (stored.getId().isEmpty()) {
      stored.setId(newId());
    }
    if (stored.getTimestamp() == 0) {
      stored.setTimestamp(now());
    }
    Comment result = stored.build();
    comments.put(result.getId(), result);
    subjectOfComment.put(result.getId(), subjectId);
    markCommented(subjectId);
    return result;
  }

  private void markCommented(String subjectId) {
    if (jobs.containsKey(subjectId)) {
      jobs.put(subjectId, jobs.get(subjectId).toBuilder().setHasComment(true).build());
    } else if (hosts.containsKey(subjectId)) {
      hosts.put(subjectId, hosts.get(subjectId).toBuilder().setHasComment(true).build());
    }
  }

  public synchronized List<Comment> comments(String subjectId) {
    return comments.values().stream()
        .filter(c -> subjectOfComment.get(c.getId()).equals(subjectId))
        .toList();
  }

  public synchronized void saveComment(Comment comment) {
    get(comments, "comment", comment.getId());
    comments.put(comment.getId(), comment);
  }

  public synchronized void deleteComment(String id) {
    get(comments, "comment", id);
    comments.remove(id);
    String subjectId = subjectOfComment.remove(id);
    if (comments(subjectId).isEmpty()) {
      if (jobs.containsKey(subjectId)) {
        jobs.put(subjectId, jobs.get(subjectId).toBuilder().setHasComment(false).build());
      } else if (hosts.containsKey(subjectId)) {
        hosts.put(subjectId, hosts.get(subjectId).toBuilder().setHasComment(false).build());
      }
    }
  }
}
