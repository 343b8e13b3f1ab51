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
import java.util.concurrent.ForkJoinPool;
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
        CompletableFuture<UpstreamReply> waiter = fresh.join(timeout);
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
      CompletableFuture<UpstreamReply> joined = call.tryJoin(timeout);
      if (joined != null) {
        counter(shared, "cuegate.reads.shared",
            "Read-only calls answered by an identical call already in flight", name).increment();
        return joined;
      }
      // Every earlier waiter gave up and the call was cancelled: start a new one.
      inFlight.remove(key, call);
    }
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
    backend.close();
  }

  /**
   * One upstream call and the callers waiting for it. The upstream call is cancelled only when
   * every waiter has cancelled, so one impatient client never fails the others.
   */
  private static final class SharedCall {
    private final CompletableFuture<UpstreamReply> result = new CompletableFuture<>();
    private CompletableFuture<UpstreamReply> upstream;
    /** The thread inside {@link #start} while it attaches to the upstream call, else null. */
    private volatile Thread starting;
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
      starting = Thread.currentThread();
      call.whenComplete((reply, failure) -> {
        if (Thread.currentThread() == starting) {
          // Answered before this call was shared out (a fast or in-process backend): the waiters
          // that joined meanwhile belong to other requests, and their continuations must not run
          // here, inside the first caller's request context, which refuses to host them (their
          // requests would never be answered).
          ForkJoinPool.commonPool().execute(() -> answer(beforeAnswer, reply, failure));
        } else {
          answer(beforeAnswer, reply, failure);
        }
      });
      starting = null;
    }

    private void answer(
        Consumer<UpstreamReply> beforeAnswer, UpstreamReply reply, Throwable failure) {
      beforeAnswer.accept(failure == null ? reply : null);
      if (failure != null) {
        result.completeExceptionally(failure);
      } else {
        result.complete(reply);
      }
    }

    synchronized CompletableFuture<UpstreamReply> tryJoin(Duration timeout) {
      return cancelled ? null : join(timeout);
    }

    synchronized CompletableFuture<UpstreamReply> join(Duration timeout) {
      waiters++;
      CompletableFuture<UpstreamReply> waiter = new CompletableFuture<>();
      // A joiner's deadline is its own, whatever the first caller's was. The timer is cancelled
      // (and dropped from the JDK's delay queue) as soon as the waiter has its answer: a timer
      // left to fire would hold the answer for the whole deadline and, where the common pool
      // has one thread (two cores), start a thread per call to run a task with nothing to do.
      CompletableFuture<Void> deadline =
          new CompletableFuture<Void>().orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
      deadline.whenComplete((ignored, expired) -> {
        if (expired != null) {
          waiter.completeExceptionally(Status.DEADLINE_EXCEEDED
              .withDescription("deadline exceeded while waiting for an identical call")
              .asException());
        }
      });
      waiter.whenComplete((reply, failure) -> {
        deadline.complete(null);
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
