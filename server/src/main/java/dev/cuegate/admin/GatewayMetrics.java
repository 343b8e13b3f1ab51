package dev.cuegate.admin;

import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import dev.cuegate.logging.LogSetup;
import io.grpc.ClientInterceptor;
import io.grpc.ConnectivityState;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * The gateway's own meters, in one place so every part of the service counts into the same names:
 * requests by service, method and status, latency of the whole request and of the upstream call,
 * body sizes, authentication failures, rate-limited requests, in-flight requests and the state of
 * the upstream channel; plus the JVM and process meters.
 */
public final class GatewayMetrics implements AutoCloseable {
  /** The label value for requests that did not resolve to a method (bounded cardinality). */
  public static final String UNKNOWN = "unknown";

  /** From half a millisecond (a cached small call) to thirty seconds (the default deadline). */
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
    Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
    Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
    Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)
  };
  /** From an empty JSON object to the 35 MB {@code GetJobs} answers of busy farms. */
  private static final double[] SIZE_BUCKETS = {
    64, 1024, 16 * 1024, 256 * 1024, 1024 * 1024, 16 * 1024 * 1024, 256 * 1024 * 1024
  };

  private final MeterRegistry registry;
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Counter rateLimited;
  private final ConcurrentMap<String, RouteMeters> routes = new ConcurrentHashMap<>();
  /** Upstream timers by method, then by gRPC code: registering one per call costs too much. */
  private final ConcurrentMap<String, Timer[]> upstreamTimers = new ConcurrentHashMap<>();

  private GatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.rateLimited =
        Counter.builder("cuegate.rate.limited")
            .description("Requests answered 429 because the client exceeded its rate limit")
            .register(registry);
    Gauge.builder("cuegate.requests.active", inFlight, AtomicInteger::get)
        .description("Requests being handled right now")
        .register(registry);
  }

  /** Meters on {@code registry}, including the JVM and process meters. */
  public static GatewayMetrics create(MeterRegistry registry) {
    GatewayMetrics metrics = new GatewayMetrics(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    metrics.gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    FunctionCounter.builder("cuegate.log.lines.dropped", metrics, ignored -> LogSetup.droppedLines())
        .description("Log lines (access, audit and others) not written because the log writer"
            + " fell behind; the log itself says so too")
        .register(registry);
    return metrics;
  }

  /** Where the meters are; Armeria's own server meters go there too. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Counts a request rejected by authentication; {@code reason} is a short fixed code. */
  public void authFailure(String reason) {
    registry.counter("cuegate.auth.failures", "reason", reason).increment();
  }

  /** Counts a request refused by rate limiting. */
  public void rateLimited() {
    rateLimited.increment();
  }

  /**
   * Records one finished upstream call.
   *
   * @param fullMethodName {@code show.ShowInterface/GetShows}
   */
  public void upstreamCall(String fullMethodName, Status.Code code, long nanos) {
    Timer[] byCode =
        upstreamTimers.computeIfAbsent(fullMethodName, name -> new Timer[Status.Code.values().length]);
    Timer timer = byCode[code.ordinal()];
    if (timer == null) {
      // Racing threads may both build it; the registry hands both the same timer.
      timer = upstreamTimer(fullMethodName, code);
      byCode[code.ordinal()] = timer;
    }
    timer.record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer upstreamTimer(String fullMethodName, Status.Code code) {
    int slash = fullMethodName.indexOf('/');
    return Timer.builder("cuegate.upstream.duration")
        .description("Time from sending a call to Cuebot to its status, by gRPC code")
        .tag("service", slash < 0 ? UNKNOWN : fullMethodName.substring(0, slash))
        .tag("method", fullMethodName.substring(slash + 1))
        .tag("code", code.name())
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry);
  }

  /** Publishes the upstream channel's state as one gauge per state, 1 for the current one. */
  public void watchUpstream(Supplier<ConnectivityState> state) {
    for (ConnectivityState each : ConnectivityState.values()) {
      Gauge.builder("cuegate.upstream.state", () -> state.get() == each ? 1 : 0)
          .description("1 for the current state of the gRPC channel to Cuebot, 0 for the others")
          .tag("state", each.name())
          .register(registry);
    }
  }

  /** Counts, times and sizes every request of the server it decorates. */
  public DecoratingHttpServiceFunction requestDecorator() {
    return new RequestMetricsDecorator(this);
  }

  /** Times every upstream call of the channel it intercepts. */
  public ClientInterceptor upstreamInterceptor() {
    return new UpstreamMetricsInterceptor(this, registry.config().clock());
  }

  void requestStarted() {
    inFlight.incrementAndGet();
  }

  void requestFinished(
      String service, String method, int status, long nanos, long requestBytes,
      long responseBytes) {
    inFlight.decrementAndGet();
    RouteMeters meters = routes.computeIfAbsent(service + '/' + method,
        key -> new RouteMeters(registry, service, method));
    meters.requests(status).increment();
    meters.duration.record(nanos, TimeUnit.NANOSECONDS);
    meters.requestSize.record(requestBytes);
    meters.responseSize.record(responseBytes);
  }

  @Override
  public void close() {
    gcMetrics.close();
  }

  /** The meters of one route, looked up once instead of on every request. */
  private static final class RouteMeters {
    private static final int MAX_STATUS = 599;

    final String service;
    final String method;
    final MeterRegistry registry;
    /** By HTTP status: building a meter id on each request costs more than the rest together. */
    final AtomicReferenceArray<Counter> requests = new AtomicReferenceArray<>(MAX_STATUS + 1);
    final Timer duration;
    final DistributionSummary requestSize;
    final DistributionSummary responseSize;

    RouteMeters(MeterRegistry registry, String service, String method) {
      this.service = service;
      this.method = method;
      this.registry = registry;
      duration =
          Timer.builder("cuegate.request.duration")
              .description("Time from the request's arrival to the end of the response")
              .tags("service", service, "method", method)
              .serviceLevelObjectives(LATENCY_BUCKETS)
              .register(registry);
      requestSize = size(registry, "cuegate.request.size", "Request body size", service, method);
      responseSize =
          size(registry, "cuegate.response.size", "Response body size", service, method);
    }

    Counter requests(int status) {
      if (status < 0 || status > MAX_STATUS) {
        return counter(status);
      }
      Counter counter = requests.get(status);
      if (counter == null) {
        counter = counter(status);
        requests.set(status, counter);
      }
      return counter;
    }

    private Counter counter(int status) {
      return registry.counter(
          "cuegate.requests", "service", service, "method", method,
          "status", Integer.toString(status));
    }

    private static DistributionSummary size(
        MeterRegistry registry, String name, String description, String service, String method) {
      return DistributionSummary.builder(name)
          .description(description)
          .baseUnit("bytes")
          .tags("service", service, "method", method)
          .serviceLevelObjectives(SIZE_BUCKETS)
          .register(registry);
    }
  }
}
