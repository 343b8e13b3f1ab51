package dev.cuegate.testing;

import com.google.protobuf.Message;
import io.grpc.BindableService;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.util.TransmitStatusRuntimeExceptionInterceptor;
import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A real gRPC server on 127.0.0.1 that answers a realistic slice of OpenCue's Cuebot API from the
 * in-memory {@link FarmState} seeded by {@link SampleFarm}.
 *
 * <p>Methods it does not implement answer UNIMPLEMENTED, as a Cuebot of another version would.
 * Tests can force the next answer of a method ({@link #failNext}, {@link #delayNext}) and inspect
 * what the gateway sent ({@link #lastRequest}, {@link #lastHeaders}). Every answer carries the
 * response header {@code x-cuebot-version: fake-1}.
 */
public final class FakeCuebot implements AutoCloseable {

  /** The value of the {@code x-cuebot-version} response header. */
  public static final String VERSION = "fake-1";

  /** The name of the response header the fake sends on every call. */
  public static final String VERSION_HEADER = CallRecorder.VERSION_HEADER.name();

  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

  private final FarmState farm;
  private final CallRecorder recorder = new CallRecorder(VERSION);
  private final ScheduledExecutorService scheduler;
  private final FaultInjector faults;
  private final List<BindableService> services;
  private Server server;
  private int port;

  private FakeCuebot(Clock clock) {
    this.farm = new FarmState(clock);
    SampleFarm.seed(farm);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "fake-cuebot-delays");
              thread.setDaemon(true);
              return thread;
            });
    this.faults = new FaultInjector(scheduler);
    this.services =
        List.of(
            new FakeShowService(farm),
            new FakeJobService(farm),
            new FakeLayerService(farm),
            new FakeFrameService(farm),
            new FakeGroupService(farm),
            new FakeHostService(farm),
            new FakeProcService(farm),
            new FakeOwnerService(farm),
            new FakeDeedService(farm),
            new FakeAllocationService(farm),
            new FakeFacilityService(farm),
            new FakeFilterService(farm),
            new FakeSubscriptionService(farm),
            new FakeLimitService(farm),
            new FakeServiceCatalog(farm),
            new FakeCueService(farm),
            new FakeCommentService(farm),
            new FakeDependService());
  }

  /** Starts a fake Cuebot with the sample farm on a free port. */
  public static FakeCuebot start() {
    return start(0);
  }

  /** Starts a fake Cuebot with the sample farm on {@code port} (0 picks a free one). */
  public static FakeCuebot start(int port) {
    return start(port, Clock.systemUTC());
  }

  /** Starts a fake Cuebot whose state changes are stamped with {@code clock}. */
  public static FakeCuebot start(int port, Clock clock) {
    FakeCuebot fake = new FakeCuebot(clock);
    fake.port = port;
    fake.bind();
    return fake;
  }

  private synchronized void bind() {
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
            // Lets restart() bind the same port again while old connections sit in TIME_WAIT.
            .withOption(ChannelOption.SO_REUSEADDR, true);
    services.forEach(builder::addService);
    // Interceptors run in reverse order of addition: recorder, then faults, then the services.
    builder
        .intercept(TransmitStatusRuntimeExceptionInterceptor.instance())
        .intercept(faults)
        .intercept(recorder);
    try {
      server = builder.build().start();
    } catch (IOException e) {
      throw new UncheckedIOException("fake Cuebot cannot listen on port " + port, e);
    }
    port = server.getPort();
  }

  /** The port the fake listens on (kept across {@link #stop()} and {@link #restart()}). */
  public synchronized int port() {
    return port;
  }

  /** The gRPC target of the fake, {@code 127.0.0.1:<port>}. */
  public String target() {
    return "127.0.0.1:" + port();
  }

  /** Whether the fake is listening. */
  public synchronized boolean isRunning() {
    return server != null && !server.isShutdown();
  }

  /** The farm the fake answers from; tests may read and change it directly. */
  public FarmState farm() {
    return farm;
  }

  /** Stops listening and cancels calls in flight, as a crashing Cuebot would. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    server.shutdownNow();
    try {
      server.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping the fake Cuebot", e);
    } finally {
      server = null;
    }
  }

  /** Stops the fake if it runs and starts it again on the same port, keeping its farm. */
  public synchronized void restart() {
    stop();
    bind();
  }

  /** Restores the sample farm and forgets recorded calls and pending faults. */
  public void reset() {
    farm.clear();
    SampleFarm.seed(farm);
    recorder.clear();
    faults.clear();
  }

  /**
   * Makes the next call of {@code fullMethodName} (e.g. {@code "show.ShowInterface/GetShows"}) fail
   * with {@code status}. Several calls queue several failures.
   */
  public void failNext(String fullMethodName, Status status) {
    faults.failNext(fullMethodName, status);
  }

  /** Holds back the answer of the next call of {@code fullMethodName} for {@code delay}. */
  public void delayNext(String fullMethodName, Duration delay) {
    faults.delayNext(fullMethodName, delay);
  }

  /** Adds {@code count} pending bulk jobs to show {@code testing}, for large answers. */
  public void addGeneratedJobs(int count) {
    Random random = new Random(count);
    int first = farm.jobCount();
    for (int i = 0; i < count; i++) {
      farm.addJob(SampleFarm.generatedJob(first + i, random));
    }
  }

  /** The last request message of a method, if it was called. */
  public Optional<Message> lastRequest(String fullMethodName) {
    return recorder.lastRequest(fullMethodName).map(Message.class::cast);
  }

  /** The last request message of a method, typed by its descriptor. */
  public <ReqT> Optional<ReqT> lastRequest(MethodDescriptor<ReqT, ?> method) {
    return recorder.lastRequest(method.getFullMethodName()).map(this::<ReqT>cast);
  }

  @SuppressWarnings("unchecked")
  private <T> T cast(Object value) {
    return (T) value;
  }

  /** The request metadata of the last call of a method, if it was called. */
  public Optional<Metadata> lastHeaders(String fullMethodName) {
    return recorder.lastHeaders(fullMethodName);
  }

  /** How many calls of a method arrived, including failed and delayed ones. */
  public int callCount(String fullMethodName) {
    return recorder.callCount(fullMethodName);
  }

  /** Stops the fake for good. */
  @Override
  public void close() {
    stop();
    scheduler.shutdownNow();
  }
}
