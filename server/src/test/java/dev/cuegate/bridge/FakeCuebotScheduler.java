package dev.cuegate.bridge;

import dev.cuegate.proto.report.BootReport;
import dev.cuegate.proto.report.FrameCompleteReport;
import dev.cuegate.proto.report.HostReport;
import dev.cuegate.proto.report.RqdReportInterfaceGrpc;
import dev.cuegate.proto.report.RqdReportRqdStartupRequest;
import dev.cuegate.proto.report.RqdReportRqdStartupResponse;
import dev.cuegate.proto.report.RqdReportRunningFrameCompletionRequest;
import dev.cuegate.proto.report.RqdReportRunningFrameCompletionResponse;
import dev.cuegate.proto.report.RqdReportStatusRequest;
import dev.cuegate.proto.report.RqdReportStatusResponse;
import dev.cuegate.proto.report.RunningFrameInfo;
import dev.cuegate.proto.rqd.RqdInterfaceGrpc;
import dev.cuegate.proto.rqd.RqdStaticKillRunningFrameRequest;
import dev.cuegate.proto.rqd.RqdStaticLaunchFrameRequest;
import dev.cuegate.proto.rqd.RunFrame;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Cuebot as the bridge meets it (docs/ARCHITECTURE.md, "RQD protocol"), on a real gRPC port: it takes boot, status and
 * completion reports, and from each status report books its waiting frames onto the host's idle
 * cores by calling {@code LaunchFrame} on the host's RQD port. Completions follow Cuebot's rules:
 * 0 succeeds, 286 re-queues without a retry, anything else retries until the frame is DEAD.
 */
final class FakeCuebotScheduler implements AutoCloseable {

  /** A frame of the one job this Cuebot schedules. */
  static final class Frame {
    final String id = UUID.randomUUID().toString();
    final String name;
    final String command;
    String state = "WAITING";
    String resourceId = "";
    int retries;
    int launches;
    final List<Integer> exitStatuses = new ArrayList<>();
    final List<Integer> exitSignals = new ArrayList<>();

    Frame(String name, String command) {
      this.name = name;
      this.command = command;
    }
  }

  private String jobId = UUID.randomUUID().toString();
  private String layerId = UUID.randomUUID().toString();
  final String jobName = "testing-sh01-alice_bridged";
  private final Map<String, Frame> frames = new LinkedHashMap<>();
  private final List<BootReport> boots = new ArrayList<>();
  private final List<HostReport> statuses = new ArrayList<>();
  private final List<FrameCompleteReport> completions = new ArrayList<>();
  private final AtomicInteger refuseCompletions = new AtomicInteger();
  private final ExecutorService launcher = Executors.newSingleThreadExecutor();
  private final int maxRetries;
  private final Server server;
  private ManagedChannel host;
  private String refusedLaunch = "";

  private FakeCuebotScheduler(int maxRetries) throws IOException {
    this.maxRetries = maxRetries;
    this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new Reports())
        .build()
        .start();
  }

  static FakeCuebotScheduler start(int maxRetries) {
    try {
      return new FakeCuebotScheduler(maxRetries);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What CUEBOT_ENDPOINT must say. */
  String endpoint() {
    return "127.0.0.1:" + server.getPort();
  }

  /** Where the host's RQD port is: a real Cuebot resolves the host's name instead. */
  synchronized void dialHost(int rqdPort) {
    if (host != null) {
      host.shutdownNow();
    }
    host = NettyChannelBuilder.forAddress("127.0.0.1", rqdPort).usePlaintext().build();
  }

  /** Forgets every frame and report, for the next test. */
  synchronized void reset() {
    jobId = UUID.randomUUID().toString();
    layerId = UUID.randomUUID().toString();
    frames.clear();
    boots.clear();
    statuses.clear();
    completions.clear();
    refusedLaunch = "";
    refuseCompletions.set(0);
  }

  /** Adds waiting frames {@code 0001-render}, … running {@code command}. */
  synchronized List<Frame> submit(int count, String command) {
    List<Frame> added = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Frame frame = new Frame(String.format("%04d-render", frames.size() + 1), command);
      frames.put(frame.id, frame);
      added.add(frame);
    }
    return added;
  }

  synchronized Frame frame(String id) {
    return frames.get(id);
  }

  synchronized boolean allIn(String state) {
    return !frames.isEmpty() && frames.values().stream().allMatch(f -> f.state.equals(state));
  }

  synchronized List<BootReport> boots() {
    return List.copyOf(boots);
  }

  synchronized List<HostReport> statuses() {
    return List.copyOf(statuses);
  }

  synchronized List<FrameCompleteReport> completions() {
    return List.copyOf(completions);
  }

  /** The last error a LaunchFrame got, empty when none did. */
  synchronized String refusedLaunch() {
    return refusedLaunch;
  }

  /** The next {@code count} completion reports are answered UNAVAILABLE, as by a busy Cuebot. */
  void refuseCompletions(int count) {
    refuseCompletions.set(count);
  }

  /** A user's kill from CueGUI: Cuebot asks the host to stop the frame. */
  void kill(String frameId) {
    RqdInterfaceGrpc.newBlockingStub(channel())
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .killRunningFrame(RqdStaticKillRunningFrameRequest.newBuilder()
            .setFrameId(frameId).setMessage("killed by alice").build());
  }

  /** The host's RQD stub, for calls a test makes as Cuebot would. */
  RqdInterfaceGrpc.RqdInterfaceBlockingStub rqd() {
    return RqdInterfaceGrpc.newBlockingStub(channel()).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private synchronized ManagedChannel channel() {
    return host;
  }

  private synchronized void booked(HostReport report) {
    statuses.add(report);
    if (host == null) {
      return;
    }
    int idle = report.getCoreInfo().getIdleCores();
    List<RunFrame> launches = new ArrayList<>();
    for (Frame frame : frames.values()) {
      if (idle < 100) {
        break;
      }
      if (frame.state.equals("WAITING")) {
        frame.state = "RUNNING";
        frame.resourceId = UUID.randomUUID().toString();
        frame.launches++;
        idle -= 100;
        launches.add(runFrame(frame));
      }
    }
    ManagedChannel channel = host;
    for (RunFrame run : launches) {
      launcher.execute(() -> launch(channel, run));
    }
  }

  /** Cuebot dispatches outside the report's call, and re-queues a frame the host refused. */
  private void launch(ManagedChannel channel, RunFrame run) {
    try {
      RqdInterfaceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
          .launchFrame(RqdStaticLaunchFrameRequest.newBuilder().setRunFrame(run).build());
    } catch (StatusRuntimeException e) {
      synchronized (this) {
        refusedLaunch = e.getStatus().getCode() + ": " + e.getStatus().getDescription();
        Frame frame = frames.get(run.getFrameId());
        if (frame.state.equals("RUNNING")) {
          frame.state = "WAITING";
        }
      }
    }
  }

  private synchronized RunFrame runFrame(Frame frame) {
    int number = Integer.parseInt(frame.name.substring(0, 4));
    return RunFrame.newBuilder()
        .setResourceId(frame.resourceId)
        .setJobId(jobId)
        .setJobName(jobName)
        .setFrameId(frame.id)
        .setFrameName(frame.name)
        .setLayerId(layerId)
        .setCommand(frame.command)
        .setUserName("alice")
        .setLogDir("/nonexistent/logs/" + jobName)
        .setShow("testing")
        .setShot("sh01")
        .setStartTime(System.currentTimeMillis())
        .setNumCores(100)
        .putEnvironment("CUE_IFRAME", Integer.toString(number))
        .putEnvironment("CUE_JOB", jobName)
        .putEnvironment("CUE_FRAME", frame.name)
        .build();
  }

  private synchronized void completed(FrameCompleteReport report) {
    completions.add(report);
    Frame frame = frames.get(report.getFrame().getFrameId());
    // Stale or repeated completions are answered OK and ignored, as Cuebot does.
    if (frame == null || !frame.state.equals("RUNNING")
        || !frame.resourceId.equals(report.getFrame().getResourceId())) {
      return;
    }
    frame.exitStatuses.add(report.getExitStatus());
    frame.exitSignals.add(report.getExitSignal());
    if (report.getExitStatus() == 0) {
      frame.state = "SUCCEEDED";
    } else if (report.getExitSignal() == 9) {
      frame.state = "KILLED";
    } else if (report.getExitStatus() == 286) {
      frame.state = "WAITING";
    } else {
      frame.retries++;
      frame.state = frame.retries > maxRetries ? "DEAD" : "WAITING";
    }
  }

  private final class Reports extends RqdReportInterfaceGrpc.RqdReportInterfaceImplBase {
    @Override
    public void reportRqdStartup(RqdReportRqdStartupRequest request,
        StreamObserver<RqdReportRqdStartupResponse> observer) {
      synchronized (FakeCuebotScheduler.this) {
        boots.add(request.getBootReport());
      }
      observer.onNext(RqdReportRqdStartupResponse.getDefaultInstance());
      observer.onCompleted();
    }

    @Override
    public void reportStatus(RqdReportStatusRequest request,
        StreamObserver<RqdReportStatusResponse> observer) {
      booked(request.getHostReport());
      observer.onNext(RqdReportStatusResponse.getDefaultInstance());
      observer.onCompleted();
    }

    @Override
    public void reportRunningFrameCompletion(RqdReportRunningFrameCompletionRequest request,
        StreamObserver<RqdReportRunningFrameCompletionResponse> observer) {
      if (refuseCompletions.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        observer.onError(Status.UNAVAILABLE.withDescription("Cuebot is shutting down")
            .asRuntimeException());
        return;
      }
      completed(request.getFrameCompleteReport());
      observer.onNext(RqdReportRunningFrameCompletionResponse.getDefaultInstance());
      observer.onCompleted();
    }
  }

  /** The frames the latest status report listed as running. */
  synchronized List<String> listedRunning() {
    if (statuses.isEmpty()) {
      return List.of();
    }
    return statuses.get(statuses.size() - 1).getFramesList().stream()
        .map(RunningFrameInfo::getFrameId).toList();
  }

  @Override
  public void close() {
    launcher.shutdownNow();
    synchronized (this) {
      if (host != null) {
        host.shutdownNow();
      }
    }
    server.shutdownNow();
  }
}
