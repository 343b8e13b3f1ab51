package dev.cuegate.events;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.cuegate.contract.ApiMethod;
import dev.cuegate.contract.MethodRegistry;
import dev.cuegate.proto.host.HardwareState;
import dev.cuegate.proto.host.Host;
import dev.cuegate.proto.host.HostGetHostsRequest;
import dev.cuegate.proto.host.HostGetHostsResponse;
import dev.cuegate.proto.host.LockState;
import dev.cuegate.proto.job.Frame;
import dev.cuegate.proto.job.FrameSearchCriteria;
import dev.cuegate.proto.job.FrameState;
import dev.cuegate.proto.job.Job;
import dev.cuegate.proto.job.JobGetFramesRequest;
import dev.cuegate.proto.job.JobGetFramesResponse;
import dev.cuegate.proto.job.JobGetJobRequest;
import dev.cuegate.proto.job.JobGetJobResponse;
import dev.cuegate.proto.job.JobGetJobsRequest;
import dev.cuegate.proto.job.JobGetJobsResponse;
import dev.cuegate.proto.job.JobGetUpdatedFramesRequest;
import dev.cuegate.proto.job.JobGetUpdatedFramesResponse;
import dev.cuegate.proto.job.JobSearchCriteria;
import dev.cuegate.proto.job.JobState;
import dev.cuegate.proto.job.JobStats;
import dev.cuegate.proto.job.UpdatedFrame;
import dev.cuegate.upstream.Backend;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poller for every reader of the event stream: asks the backend what changed and publishes
 * the differences. Each round costs {@code GetJobs} (pending jobs) and {@code GetHosts}, plus,
 * for a job whose frame counts moved, {@code GetUpdatedFrames} since its last check, or its whole
 * frame list ({@code GetFrames}) where that call cannot answer for all (docs/EVENTS.md), whatever
 * the number of readers.
 *
 * <p>Nothing is invented: the first round after someone starts listening only learns the state,
 * and an event is published for a change between two answers. While nobody listens it asks
 * nothing and forgets the state, so changes made meanwhile are not reported later.
 */
public final class CuebotWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CuebotWatcher.class);
  /** Frames are learnt a page at a time, as CueGUI does. */
  private static final int FRAME_PAGE = 1000;
  /**
   * Cuebot refuses a {@code last_check} more than 60 s behind its clock and then never answers;
   * older checks, or clocks a few seconds apart, take the whole frame list instead.
   */
  private static final Duration UPDATES_REACH = Duration.ofSeconds(50);
  /** Cuebot answers at most this many updated frames: an answer this long may miss some. */
  private static final int MAX_UPDATED_FRAMES = 100;

  private final Backend backend;
  private final MethodRegistry registry;
  private final EventBus bus;
  private final Duration interval;
  private final Duration timeout;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Map<String, JobView> jobs = new HashMap<>();
  private final Map<String, HostView> hosts = new HashMap<>();
  private final Counter rounds;
  private boolean learnt;
  /** Cuebot's clock minus ours, in seconds, as of its latest {@code server_time}. */
  private long serverOffset;

  public CuebotWatcher(Backend backend, MethodRegistry registry, EventBus bus, Duration interval,
      Duration timeout, Clock clock, MeterRegistry meters) {
    this.rounds = Counter.builder("cuegate.events.watcher.rounds")
        .description("Rounds in which the event watcher asked the backend what changed")
        .register(meters);
    this.backend = backend;
    this.registry = registry;
    this.bus = bus;
    this.interval = interval;
    this.timeout = timeout;
    this.clock = clock;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "cuegate-event-watcher");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Polls every interval from now on, while anyone reads the stream. */
  public CuebotWatcher start() {
    scheduler.scheduleWithFixedDelay(
        this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  private void tick() {
    if (!bus.hasSubscribers()) {
      jobs.clear();
      hosts.clear();
      learnt = false;
      return;
    }
    try {
      pollJobs();
      pollHosts();
      learnt = true;
      rounds.increment();
    } catch (StatusException | TimeoutException | InvalidProtocolBufferException e) {
      // The next round asks again; the state learnt so far stays, so nothing is reported twice.
      log.warn("event watcher: cannot ask the backend what changed: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void pollJobs()
      throws StatusException, TimeoutException, InterruptedException,
          InvalidProtocolBufferException {
    JobGetJobsResponse answer = call("job.JobInterface/GetJobs",
        JobGetJobsRequest.newBuilder().setR(JobSearchCriteria.getDefaultInstance()).build(),
        JobGetJobsResponse.parser());
    Set<String> pending = new HashSet<>();
    for (Job job : answer.getJobs().getJobsList()) {
      pending.add(job.getId());
      JobView known = jobs.get(job.getId());
      if (known == null) {
        learnJob(job, learnt);
        continue;
      }
      if (known.paused != job.getIsPaused()) {
        publish(job.getIsPaused() ? EventType.JOB_PAUSED : EventType.JOB_RESUMED, known,
            Map.of());
        known.paused = job.getIsPaused();
      }
      if (!counts(job.getJobStats()).equals(known.counts)) {
        updateFrames(known);
        known.counts = counts(job.getJobStats());
      }
    }
    for (String id : List.copyOf(jobs.keySet())) {
      if (!pending.contains(id)) {
        finishJob(jobs.remove(id));
      }
    }
  }

  private void learnJob(Job job, boolean launchedNow)
      throws StatusException, TimeoutException, InterruptedException,
          InvalidProtocolBufferException {
    JobView view = new JobView(job.getId(), job.getName(), job.getShow(), job.getIsPaused(),
        counts(job.getJobStats()));
    view.checked(clock.millis(), serverSeconds());
    jobs.put(job.getId(), view);
    if (launchedNow) {
      publish(EventType.JOB_LAUNCHED, view, Map.of("user", job.getUser(), "shot", job.getShot()));
    }
    for (Frame frame : allFrames(job.getId())) {
      FrameView frameView = new FrameView(frame.getName(), frame.getLayerName());
      view.frames.put(frame.getId(), frameView);
      // A job launched since the last round had every frame waiting: what differs happened since.
      if (launchedNow) {
        diff(view, frame.getId(), frameView, frame.getState(), frame.getRetryCount(),
            frame.getExitStatus(), frame.getLastResource());
      } else {
        frameView.state = frame.getState();
        frameView.retries = frame.getRetryCount();
      }
    }
  }

  private void updateFrames(JobView job)
      throws StatusException, TimeoutException, InterruptedException,
          InvalidProtocolBufferException {
    if (clock.millis() - job.checkedAt >= UPDATES_REACH.toMillis()
        || !diffUpdatedFrames(job)) {
      diffAllFrames(job);
    }
  }

  /**
   * Diffs the frames Cuebot says changed since the job's last check; false when that answer
   * cannot be trusted to hold every change (not served, or as long as Cuebot's limit).
   */
  private boolean diffUpdatedFrames(JobView job)
      throws StatusException, TimeoutException, InterruptedException,
          InvalidProtocolBufferException {
    long asked = clock.millis();
    JobGetUpdatedFramesResponse answer;
    try {
      answer = call("job.JobInterface/GetUpdatedFrames",
          JobGetUpdatedFramesRequest.newBuilder()
              .setJob(Job.newBuilder().setId(job.id).setName(job.name))
              .setLastCheck(job.lastCheck)
              .build(),
          JobGetUpdatedFramesResponse.parser());
    } catch (StatusException e) {
      if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
        throw e;
      }
      return false;
    }
    serverOffset = answer.getServerTime() - clock.millis() / 1000;
    List<UpdatedFrame> updated = answer.getUpdatedFrames().getUpdatedFramesList();
    if (updated.size() >= MAX_UPDATED_FRAMES) {
      return false;
    }
    for (UpdatedFrame frame : updated) {
      FrameView view = job.frames.get(frame.getId());
      if (view != null) {
        diff(job, frame.getId(), view, frame.getState(), frame.getRetryCount(),
            frame.getExitStatus(), frame.getLastResource());
      }
    }
    job.checked(asked, answer.getServerTime());
    return true;
  }

  /** Diffs the job's whole frame list: what any check says, at more cost. */
  private void diffAllFrames(JobView job)
      throws StatusException, TimeoutException, InterruptedException,
          InvalidProtocolBufferException {
    // Taken before the list is read, so the next check covers whatever changes meanwhile.
    long asked = clock.millis();
    int lastCheck = serverSeconds();
    for (Frame frame : allFrames(job.id)) {
      FrameView view = job.frames.get(frame.getId());
      if (view != null) {
        diff(job, frame.getId(), view, frame.getState(), frame.getRetryCount(),
            frame.getExitStatus(), frame.getLastResource());
      }
    }
    job.checked(asked, lastCheck);
  }

  /** Publishes what turned {@code frame} from what was known into what the backend says now. */
  private void diff(JobView job, String frameId, FrameView frame, FrameState state, int retries,
      int exitStatus, String host) {
    Map<String, Object> about = new LinkedHashMap<>();
    about.put("layer", frame.layer);
    about.put("frame", frame.name);
    about.put("frameId", frameId);
    if (!host.isEmpty()) {
      about.put("host", host);
    }
    if (retries > frame.retries) {
      publish(EventType.FRAME_FAILED, job, with(about, "exitStatus", exitStatus));
      publish(EventType.FRAME_RETRIED, job, with(about, "retryCount", retries));
      if (state == FrameState.RUNNING) {
        publish(EventType.FRAME_STARTED, job, about);
      }
    } else if (state != frame.state) {
      switch (state) {
        case RUNNING -> publish(EventType.FRAME_STARTED, job, about);
        case SUCCEEDED -> publish(EventType.FRAME_SUCCEEDED, job, about);
        case DEAD -> {
          if (frame.state == FrameState.RUNNING) {
            publish(EventType.FRAME_FAILED, job, with(about, "exitStatus", exitStatus));
          }
          publish(EventType.FRAME_DEAD, job, with(about, "exitStatus", exitStatus));
        }
        case EATEN -> publish(EventType.FRAME_EATEN, job, about);
        case WAITING -> {
          if (frame.state == FrameState.DEAD || frame.state == FrameState.EATEN
              || frame.state == FrameState.SUCCEEDED) {
            publish(EventType.FRAME_RETRIED, job, with(about, "retryCount", retries));
          }
        }
        default -> { }
      }
    }
    frame.state = state;
    frame.retries = retries;
  }

  private void finishJob(JobView job)
      throws StatusException, TimeoutException, InterruptedException,
          InvalidProtocolBufferException {
    updateFrames(job);
    Job now;
    try {
      now = call("job.JobInterface/GetJob", JobGetJobRequest.newBuilder().setId(job.id).build(),
          JobGetJobResponse.parser()).getJob();
    } catch (StatusException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return;
      }
      throw e;
    }
    if (now.getState() == JobState.FINISHED) {
      int dead = now.getJobStats().getDeadFrames();
      publish(EventType.JOB_FINISHED, job, Map.of(
          "deadFrames", dead,
          "succeededFrames", now.getJobStats().getSucceededFrames(),
          "succeeded", dead == 0));
    }
  }

  private void pollHosts()
      throws StatusException, TimeoutException, InterruptedException,
          InvalidProtocolBufferException {
    HostGetHostsResponse answer = call("host.HostInterface/GetHosts",
        HostGetHostsRequest.getDefaultInstance(), HostGetHostsResponse.parser());
    for (Host host : answer.getHosts().getHostsList()) {
      HostView known = hosts.get(host.getId());
      HostView now = new HostView(host.getName(), host.getState(), host.getLockState());
      hosts.put(host.getId(), now);
      if (!learnt) {
        continue;
      }
      Map<String, Object> about = Map.of("host", host.getName(), "hostId", host.getId());
      if ((known == null || known.state != HardwareState.UP) && now.state == HardwareState.UP) {
        bus.publish(EventType.HOST_UP, "", "", about);
      } else if (known != null && known.state == HardwareState.UP
          && now.state != HardwareState.UP) {
        bus.publish(EventType.HOST_DOWN, "", "", with(about, "state", now.state.name()));
      }
      boolean wasLocked = known != null && known.lock != LockState.OPEN;
      if (known != null && wasLocked != (now.lock != LockState.OPEN)) {
        bus.publish(wasLocked ? EventType.HOST_UNLOCKED : EventType.HOST_LOCKED, "", "",
            with(about, "lockState", now.lock.name()));
      }
    }
  }

  private List<Frame> allFrames(String jobId)
      throws StatusException, TimeoutException, InterruptedException,
          InvalidProtocolBufferException {
    List<Frame> frames = new ArrayList<>();
    for (int page = 1; ; page++) {
      List<Frame> batch = call("job.JobInterface/GetFrames",
          JobGetFramesRequest.newBuilder()
              .setJob(Job.newBuilder().setId(jobId))
              .setReq(FrameSearchCriteria.newBuilder().setPage(page).setLimit(FRAME_PAGE))
              .build(),
          JobGetFramesResponse.parser()).getFrames().getFramesList();
      frames.addAll(batch);
      if (batch.size() < FRAME_PAGE) {
        return frames;
      }
    }
  }

  private <T> T call(String fullName, Message request, Parser<T> parser)
      throws StatusException, TimeoutException, InterruptedException,
          InvalidProtocolBufferException {
    int slash = fullName.indexOf('/');
    ApiMethod method = registry.resolve(fullName.substring(0, slash), fullName.substring(slash + 1))
        .orElseThrow(() -> Status.UNIMPLEMENTED
            .withDescription(fullName + " is not exposed").asException());
    try {
      byte[] body = backend.call(method, request.toByteArray(), new Metadata(), timeout)
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS).body();
      return parser.parseFrom(body);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StatusException status) {
        throw status;
      }
      throw Status.fromThrowable(e.getCause()).asException();
    }
  }

  private void publish(EventType type, JobView job, Map<String, Object> attributes) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("jobId", job.id);
    all.putAll(attributes);
    bus.publish(type, job.show, job.name, all);
  }

  private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(map);
    copy.put(key, value);
    return copy;
  }

  /** The counts that move when a frame changes; the rest of the stats move with time alone. */
  private static List<Long> counts(JobStats stats) {
    return List.of((long) stats.getWaitingFrames(), (long) stats.getRunningFrames(),
        (long) stats.getDeadFrames(), (long) stats.getEatenFrames(),
        (long) stats.getDependFrames(), (long) stats.getSucceededFrames(),
        stats.getFailedFrameCount());
  }

  /** Now on Cuebot's clock, as far as its latest answer tells ours apart from it. */
  private int serverSeconds() {
    return (int) (clock.millis() / 1000 + serverOffset);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  /** What the watcher knows of a job. */
  private static final class JobView {
    final String id;
    final String name;
    final String show;
    final Map<String, FrameView> frames = new HashMap<>();
    boolean paused;
    List<Long> counts;
    /** The {@code last_check} of the next GetUpdatedFrames, on Cuebot's clock. */
    int lastCheck;
    /** When, on our clock, the frames were last checked. */
    long checkedAt;

    JobView(String id, String name, String show, boolean paused, List<Long> counts) {
      this.id = id;
      this.name = name;
      this.show = show;
      this.paused = paused;
      this.counts = counts;
    }

    void checked(long atMillis, int serverSeconds) {
      checkedAt = atMillis;
      lastCheck = serverSeconds;
    }
  }

  /** What the watcher knows of a frame; a new one is waiting, never retried. */
  private static final class FrameView {
    final String name;
    final String layer;
    FrameState state = FrameState.WAITING;
    int retries;

    FrameView(String name, String layer) {
      this.name = name;
      this.layer = layer;
    }
  }

  private record HostView(String name, HardwareState state, LockState lock) {}
}
