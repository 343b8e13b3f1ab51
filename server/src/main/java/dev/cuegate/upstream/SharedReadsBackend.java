package dev.cuegate.upstream;

import dev.cuegate.contract.ApiMethod;
import io.grpc.ConnectivityState;
import io.grpc.Metadata;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Spares the backend identical reads: a read-only call whose question (method, body, forwarded
 * metadata, authorization scope) is already being asked joins that call instead of making its own,
 * and, with a cache, a question answered less than the TTL ago gets the same answer again.
 *
 * <p>Only the methods in {@code readOnly} are ever shared; every other call passes straight
 * through. Answers are never shared across scopes, so a token never sees an answer that was fetched
 * for a token of another authorization scope (see docs/EVENTS.md).
 */
final class SharedReadsBackend implements Backend {
  private final Backend backend;
  private final Set<String> readOnly;
  private final boolean coalesce;
  private final ReadCache cache;
  private final MeterRegistry meters;
  private final ConcurrentMap<ReadKey, SharedCall> inFlight = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> shared = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> hits = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> misses = new ConcurrentHashMap<>();
  private final ScheduledThreadPoolExecutor deadlines = deadlineTimer();

  SharedReadsBackend(
      Backend backend,
      Set<String> readOnly,
      boolean coalesce,
      Duration cacheTtl,
      MeterRegistry meters,
      Clock clock) {
    this.backend = backend;
    this.readOnly = Set.copyOf(readOnly);
    this.coalesce = coalesce;
    this.cache = new ReadCache(cacheTtl, clock);
    this.meters = meters;
  }

  @Override
  public CompletableFuture<UpstreamReply> call(
      ApiMethod method, byte[] request, Metadata headers, Duration timeout) {
    return backend.call(method, request, headers, timeout);
  }

  @Override
  public CompletableFuture<UpstreamReply> call(
      ApiMethod method, byte[] request, Metadata headers, Duration timeout, String scope) {
    String name = method.fullName();
    if (!readOnly.contains(name)) {
      return backend.call(method, request, headers, timeout);
    }
    ReadKey key = ReadKey.of(name, request, headers, scope);
    if (cache.enabled()) {
      UpstreamReply cached = cache.get(key);
      if (cached != null) {
        counter(hits, "cuegate.reads.cache.hits", "Read-only calls answered from the cache", name)
            .increment();
        return CompletableFuture.completedFuture(cached);
      }
      counter(misses, "cuegate.reads.cache.misses", "Read-only calls the cache could not answer",
          name).increment();
    }
    if (!coalesce) {
      CompletableFuture<UpstreamReply> upstream = backend.call(method, request, headers, timeout);
      if (cache.enabled()) {
        upstream.thenAccept(reply -> cache.put(key, reply));
      }
      return upstream;
    }
    while (true) {
      SharedCall call = inFlight.get(key);
      if (call == null) {
        SharedCall fresh = new SharedCall();
        if (inFlight.putIfAbsent(key, fresh) != null) {
          continue;
        }
        CompletableFuture<UpstreamReply> waiter = fresh.join(timeout, deadlines);
        // Forgotten before the waiters hear the answer: a call arriving later asks again (or finds
        // the answer in the cache); it never joins a finished call.
        fresh.start(backend.call(method, request, headers, timeout), reply -> {
          if (reply != null && cache.enabled()) {
            cache.put(key, reply);
          }
          inFlight.remove(key, fresh);
        });
        return waiter;
      }
      CompletableFuture<UpstreamReply> joined = call.tryJoin(timeout, deadlines);
      if (joined != null) {
        counter(shared, "cuegate.reads.shared",
            "Read-only calls answered by an identical call already in flight", name).increment();
        return joined;
      }
      // Every earlier waiter gave up and the call was cancelled: start a new one.
      inFlight.remove(key, call);
    }
  }

  /**
   * One thread for the waiters' deadlines. The JDK's {@code CompletableFuture.delayedExecutor}
   * cannot be cancelled, so every deadline stayed queued for the whole timeout holding its waiter
   * and the answer (after a load, hundreds of MB for 30 s), and it runs each expired task on a new
   * thread when the common pool has a single thread, as on 2 cores (docs/PERFORMANCE.md, "Memory
   * at idle").
   */
  private static ScheduledThreadPoolExecutor deadlineTimer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "cuegate-read-deadlines");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  /** Deadlines still queued: one per waiter without an answer yet. */
  int pendingDeadlines() {
    return deadlines.getQueue().size();
  }

  private Counter counter(
      ConcurrentMap<String, Counter> counters, String meter, String description, String method) {
    return counters.computeIfAbsent(method, m -> Counter.builder(meter)
        .description(description)
        .tag("method", m)
        .register(meters));
  }

  @Override
  public ConnectivityState state() {
    return backend.state();
  }

  @Override
  public CompletableFuture<Void> probe(Duration timeout) {
    return backend.probe(timeout);
  }

  @Override
  public String target() {
    return backend.target();
  }

  @Override
  public void close() {
    deadlines.shutdownNow();
    backend.close();
  }

  /**
   * One upstream call and the callers waiting for it. The upstream call is cancelled only when
   * every waiter has cancelled, so one impatient client never fails the others.
   */
  private static final class SharedCall {
    private final CompletableFuture<UpstreamReply> result = new CompletableFuture<>();
    private CompletableFuture<UpstreamReply> upstream;
    private int waiters;
    private boolean cancelled;

    /** @param beforeAnswer told the answer (null on failure) before any waiter hears it */
    void start(CompletableFuture<UpstreamReply> call, Consumer<UpstreamReply> beforeAnswer) {
      synchronized (this) {
        upstream = call;
        if (cancelled) {
          call.cancel(false);
        }
      }
      call.whenComplete((reply, failure) -> {
        beforeAnswer.accept(failure == null ? reply : null);
        if (failure != null) {
          result.completeExceptionally(failure);
        } else {
          result.complete(reply);
        }
      });
    }

    synchronized CompletableFuture<UpstreamReply> tryJoin(
        Duration timeout, ScheduledThreadPoolExecutor deadlines) {
      return cancelled ? null : join(timeout, deadlines);
    }

    synchronized CompletableFuture<UpstreamReply> join(
        Duration timeout, ScheduledThreadPoolExecutor deadlines) {
      waiters++;
      CompletableFuture<UpstreamReply> waiter = new CompletableFuture<>();
      // A joiner's deadline is its own, whatever the first caller's was.
      ScheduledFuture<?> deadline = deadlines.schedule(() ->
          waiter.completeExceptionally(Status.DEADLINE_EXCEEDED
              .withDescription("deadline exceeded while waiting for an identical call")
              .asException()), timeout.toNanos(), TimeUnit.NANOSECONDS);
      waiter.whenComplete((reply, failure) -> {
        // Removed from the timer's queue at once: a pending deadline keeps the answer reachable.
        deadline.cancel(false);
        if (waiter.isCancelled()) {
          leave();
        }
      });
      result.whenComplete((reply, failure) -> {
        if (failure != null) {
          waiter.completeExceptionally(failure);
        } else {
          waiter.complete(reply);
        }
      });
      return waiter;
    }

    private synchronized void leave() {
      waiters--;
      if (waiters == 0 && !result.isDone()) {
        cancelled = true;
        if (upstream != null) {
          upstream.cancel(false);
        }
      }
    }
  }
}
