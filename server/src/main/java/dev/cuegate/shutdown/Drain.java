package dev.cuegate.shutdown;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.SplitHttpResponse;
import com.linecorp.armeria.common.logging.RequestLogProperty;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.cuegate.rest.ApiError;
import dev.cuegate.rest.RequestEnd;
import io.grpc.Status;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * How one HTTP port empties at shutdown, in three steps that {@link #begin} and {@link #finish}
 * drive.
 *
 * <ol>
 *   <li><b>Draining</b> ({@link #begin}): requests are still served, but every answer, including
 *       those of requests already running, closes its connection ({@code Connection: close} on
 *       HTTP/1.1, GOAWAY on HTTP/2), so keep-alive clients reconnect elsewhere. Readiness reads
 *       {@link #isDraining}.
 *   <li><b>Refusing</b> (in {@link #finish}, once no request ran for the quiet period, or at the
 *       deadline): a request still running, or arriving now, is answered 503 with {@code
 *       Retry-After} and its connection closes.
 *   <li><b>Closing</b>: once every request has its answer, every connection is closed and no
 *       connection came for a moment (clients honour {@code Retry-After}), or at half the
 *       refusal limit, the listening sockets close; the connections accepted before get their
 *       answers for up to the other half, then {@link #finish} returns and the server's own stop
 *       closes what remains (idle keep-alive connections). Closing the listening socket late
 *       rather than at once matters: the kernel resets connections still waiting to be
 *       accepted, whose clients may already have sent a request.
 * </ol>
 *
 * <p>No request is ever cut off without an answer, and none is logged as abandoned by its client
 * when the server ended it.
 */
public final class Drain {
  /** Tells a client when to try again: at once, on another instance. */
  private static final String RETRY_AFTER_SECONDS = "1";
  private static final long WAIT_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  /** How long no connection may have come before the listening sockets close. */
  private static final long ACCEPT_QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private enum Phase { SERVING, DRAINING, REFUSING }

  private final Duration quietPeriod;
  private final Duration refusalLimit;
  /** Every request being served, with the answer it will get: its own, or a 503. */
  private final Map<ServiceRequestContext, CompletableFuture<HttpResponse>> running =
      new ConcurrentHashMap<>();
  private final Set<Channel> listeners = ConcurrentHashMap.newKeySet();
  private final Set<Channel> connections = ConcurrentHashMap.newKeySet();
  private final Object changed = new Object();
  private volatile Phase phase = Phase.SERVING;
  private volatile long lastEndNanos = System.nanoTime();
  private volatile long lastAcceptNanos = System.nanoTime();

  /**
   * @param quietPeriod how long no request must run before draining ends early
   * @param refusalLimit how long the refusing step may take to answer and close everything
   */
  public Drain(Duration quietPeriod, Duration refusalLimit) {
    this.quietPeriod = quietPeriod;
    this.refusalLimit = refusalLimit;
  }

  /** Tracks every request of the server; add it as the outermost decorator. */
  public DecoratingHttpServiceFunction decorator() {
    return this::serve;
  }

  /**
   * Tracks the server's connections and its listening sockets (a connection's parent); give it
   * to {@code ServerBuilder.childChannelPipelineCustomizer}.
   */
  public Consumer<ChannelPipeline> connectionTracker() {
    return pipeline -> {
      Channel channel = pipeline.channel();
      if (channel.parent() != null) {
        listeners.add(channel.parent());
      }
      connections.add(channel);
      lastAcceptNanos = System.nanoTime();
      channel.closeFuture().addListener(closed -> {
        connections.remove(channel);
        signal();
      });
    };
  }

  /** True from {@link #begin} on: the server is going away and should get no new traffic. */
  public boolean isDraining() {
    return phase != Phase.SERVING;
  }

  /** Starts draining: every answer from now on closes its connection. Idempotent. */
  public void begin() {
    if (phase != Phase.SERVING) {
      return;
    }
    phase = Phase.DRAINING;
    for (ServiceRequestContext ctx : running.keySet()) {
      ctx.eventLoop().execute(() -> closeAfterAnswer(ctx));
    }
  }

  /**
   * Waits until no request ran for the quiet period or until {@code drainLimit} passed, then
   * refuses what is left and waits (up to the refusal limit) until every request is answered and
   * every connection closed.
   *
   * @return what the drain saw, for the shutdown log
   */
  public Outcome finish(Duration drainLimit) throws InterruptedException {
    begin();
    long start = System.nanoTime();
    long drainEnd = start + drainLimit.toNanos();
    while (System.nanoTime() < drainEnd && !quiet()) {
      pause();
    }
    long refusing = System.nanoTime();
    AtomicInteger refused = refuse();
    // Half the limit with the listening sockets open (a client honouring Retry-After stops
    // coming), half with them closed, so that the connections accepted last get their answers
    // too before the server's stop closes whatever is left.
    long half = refusalLimit.toNanos() / 2;
    long listenEnd = refusing + half;
    while (System.nanoTime() < listenEnd && !closed()) {
      pause();
    }
    for (Channel listener : listeners) {
      listener.close().syncUninterruptibly();
    }
    long refusalEnd = System.nanoTime() + half;
    while (System.nanoTime() < refusalEnd && !(running.isEmpty() && connections.isEmpty())) {
      pause();
    }
    long end = System.nanoTime();
    return new Outcome(Duration.ofNanos(refusing - start), refused.get(),
        Duration.ofNanos(end - refusing),
        running.size(), connections.size());
  }

  /**
   * After the server's stop began: waits up to {@code limit} until every connection is closed
   * (the stop closes the idle ones that {@link #finish} left) and {@code portsClosed} holds.
   */
  public boolean awaitClosed(Duration limit, BooleanSupplier portsClosed)
      throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!(connections.isEmpty() && portsClosed.getAsBoolean())
        && System.nanoTime() < end) {
      pause();
    }
    return connections.isEmpty() && portsClosed.getAsBoolean();
  }

  /** What {@link #finish} saw. */
  public record Outcome(
      Duration draining, int refusedRunning, Duration refusing, int leftRunning,
      int leftConnections) {}

  private boolean quiet() {
    return running.isEmpty() && System.nanoTime() - lastEndNanos >= quietPeriod.toNanos();
  }

  private boolean closed() {
    return running.isEmpty() && connections.isEmpty()
        && System.nanoTime() - lastAcceptNanos >= ACCEPT_QUIET_NANOS;
  }

  private AtomicInteger refuse() {
    phase = Phase.REFUSING;
    AtomicInteger refused = new AtomicInteger();
    running.forEach((ctx, answer) -> ctx.eventLoop().execute(() -> {
      // Only an answer that has not begun can be replaced; one already on its way (a long
      // streamed answer) is let finish within the refusal limit, as cutting it would lose it.
      if (closeAfterAnswer(ctx) && answer.complete(unavailable())) {
        refused.incrementAndGet();
      }
    }));
    return refused;
  }

  /**
   * Marks the request's connection to close once its answer is written, unless the answer's
   * headers are already out: then the connection stays open as announced, because its client
   * may already be sending the next request on it, and that request is the one that closes it.
   * Runs on the request's event loop, where headers are written, so the check holds.
   *
   * @return whether the answer had not begun
   */
  private static boolean closeAfterAnswer(ServiceRequestContext ctx) {
    if (ctx.log().isAvailable(RequestLogProperty.RESPONSE_HEADERS)) {
      return false;
    }
    ctx.initiateConnectionShutdown();
    return true;
  }

  private HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req)
      throws Exception {
    CompletableFuture<HttpResponse> answer = new CompletableFuture<>();
    running.put(ctx, answer);
    RequestEnd.whenComplete(ctx, log -> {
      running.remove(ctx);
      lastEndNanos = System.nanoTime();
      signal();
    });
    Phase now = phase;
    if (now == Phase.REFUSING) {
      ctx.initiateConnectionShutdown();
      answer.complete(unavailable());
      return HttpResponse.of(answer);
    }
    if (now == Phase.DRAINING) {
      ctx.initiateConnectionShutdown();
    }
    // The service's answer is passed on once its headers exist; until then the refusal may
    // take its place. Cancelling the request instead would make the service answer as if its
    // client had gone away (499), which is false.
    SplitHttpResponse served = delegate.serve(ctx, req).split();
    served.headers().handle((headers, failure) -> {
      HttpResponse own = failure != null
          ? HttpResponse.ofFailure(failure)
          : HttpResponse.of(headers, served.body(), served.trailers());
      if (!answer.complete(own)) {
        served.body().abort();
      }
      return null;
    });
    return HttpResponse.of(answer);
  }

  private static HttpResponse unavailable() {
    ApiError error = new ApiError(Status.Code.UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE,
        "the server is shutting down; retry the request");
    return error.toResponse(
        error.headers().set(HttpHeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS));
  }

  private void signal() {
    synchronized (changed) {
      changed.notifyAll();
    }
  }

  private void pause() throws InterruptedException {
    synchronized (changed) {
      TimeUnit.NANOSECONDS.timedWait(changed, WAIT_STEP_NANOS);
    }
  }
}
