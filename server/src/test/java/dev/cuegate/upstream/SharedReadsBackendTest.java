package dev.cuegate.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuegate.config.GatewayConfig;
import dev.cuegate.contract.ApiMethod;
import dev.cuegate.contract.MethodRegistry;
import dev.cuegate.testing.ManualClock;
import io.grpc.ConnectivityState;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Identical reads in flight share one call; a short cache answers repeats; nothing else shares. */
class SharedReadsBackendTest {
  private static final MethodRegistry REGISTRY = MethodRegistry.opencue(List.of());
  private static final ApiMethod GET_JOBS = method("job.JobInterface", "GetJobs");
  private static final ApiMethod KILL = method("job.JobInterface", "Kill");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final byte[] BODY = {10, 2, 8, 1};

  private final PendingBackend upstream = new PendingBackend();
  private final MeterRegistry meters = new SimpleMeterRegistry();
  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void identicalReadsInFlightShareOneUpstreamCall() throws Exception {
    Backend backend = sharing(true, Duration.ZERO);

    CompletableFuture<UpstreamReply> first = backend.call(GET_JOBS, BODY, headers(), TIMEOUT, "");
    CompletableFuture<UpstreamReply> second =
        backend.call(GET_JOBS, BODY.clone(), headers(), TIMEOUT, "");
    upstream.answerAll(new byte[] {1, 2, 3});

    assertThat(upstream.calls).hasSize(1);
    assertThat(first.get().body()).containsExactly(1, 2, 3);
    assertThat(second.get().body()).containsExactly(1, 2, 3);
    assertThat(meters.counter("cuegate.reads.shared", "method", GET_JOBS.fullName()).count())
        .isEqualTo(1);
  }

  @Test
  void aReadAfterTheAnswerAsksAgainWithoutACache() {
    Backend backend = sharing(true, Duration.ZERO);

    backend.call(GET_JOBS, BODY, headers(), TIMEOUT, "");
    upstream.answerAll(new byte[] {1});
    backend.call(GET_JOBS, BODY, headers(), TIMEOUT, "");

    assertThat(upstream.calls).hasSize(2);
  }

  @Test
  void differentScopesBodiesOrForwardedMetadataNeverShare() {
    Backend backend = sharing(true, Duration.ZERO);
    Metadata other = headers();
    other.put(Metadata.Key.of("x-show", Metadata.ASCII_STRING_MARSHALLER), "testing");

    backend.call(GET_JOBS, BODY, headers(), TIMEOUT, "role:viewer");
    backend.call(GET_JOBS, BODY, headers(), TIMEOUT, "role:operator");
    backend.call(GET_JOBS, new byte[] {10, 2, 8, 0}, headers(), TIMEOUT, "role:viewer");
    backend.call(GET_JOBS, BODY, other, TIMEOUT, "role:viewer");

    assertThat(upstream.calls).hasSize(4);
  }

  @Test
  void theClientsAddressIsNotPartOfTheQuestion() {
    Backend backend = sharing(true, Duration.ZERO);
    Metadata elsewhere = new Metadata();
    elsewhere.put(Metadata.Key.of("x-forwarded-for", Metadata.ASCII_STRING_MARSHALLER), "10.0.0.9");

    backend.call(GET_JOBS, BODY, headers(), TIMEOUT, "");
    backend.call(GET_JOBS, BODY, elsewhere, TIMEOUT, "");

    assertThat(upstream.calls).hasSize(1);
  }

  @Test
  void mutationsNeverShare() {
    Backend backend = sharing(true, Duration.ofMinutes(1));

    backend.call(KILL, BODY, headers(), TIMEOUT, "");
    backend.call(KILL, BODY, headers(), TIMEOUT, "");
    upstream.answerAll(new byte[0]);
    backend.call(KILL, BODY, headers(), TIMEOUT, "");

    assertThat(upstream.calls).hasSize(3);
  }

  @Test
  void aFailureReachesEveryWaiterAndIsNeverCached() {
    Backend backend = sharing(true, Duration.ofMinutes(1));

    CompletableFuture<UpstreamReply> first = backend.call(GET_JOBS, BODY, headers(), TIMEOUT, "");
    CompletableFuture<UpstreamReply> second = backend.call(GET_JOBS, BODY, headers(), TIMEOUT, "");
    upstream.failAll(Status.UNAVAILABLE);
    backend.call(GET_JOBS, BODY, headers(), TIMEOUT, "");

    assertThatThrownBy(first::get).hasCauseInstanceOf(StatusException.class);
    assertThatThrownBy(second::get).hasCauseInstanceOf(StatusException.class);
    assertThat(upstream.calls).hasSize(2);
  }

  @Test
  void oneWaiterCancellingDoesNotCancelTheSharedCall() throws Exception {
    Backend backend = sharing(true, Duration.ZERO);

    CompletableFuture<UpstreamReply> first = backend.call(GET_JOBS, BODY, headers(), TIMEOUT, "");
    CompletableFuture<UpstreamReply> second = backend.call(GET_JOBS, BODY, headers(), TIMEOUT, "");
    first.cancel(false);

    assertThat(upstream.calls.get(0).isCancelled()).isFalse();
    upstream.answerAll(new byte[] {7});
    assertThat(second.get().body()).containsExactly(7);
  }

  @Test
  void theUpstreamCallIsCancelledWhenEveryWaiterCancelled() {
    Backend backend = sharing(true, Duration.ZERO);

    CompletableFuture<UpstreamReply> first = backend.call(GET_JOBS, BODY, headers(), TIMEOUT, "");
    CompletableFuture<UpstreamReply> second = backend.call(GET_JOBS, BODY, headers(), TIMEOUT, "");
    first.cancel(false);
    second.cancel(false);
    backend.call(GET_JOBS, BODY, headers(), TIMEOUT, "");

    assertThat(upstream.calls.get(0).isCancelled()).isTrue();
    assertThat(upstream.calls).hasSize(2);
  }

  @Test
  void aJoinerGivesUpAtItsOwnDeadline() {
    Backend backend = sharing(true, Duration.ZERO);

    backend.call(GET_JOBS, BODY, headers(), TIMEOUT, "");
    CompletableFuture<UpstreamReply> impatient =
        backend.call(GET_JOBS, BODY, headers(), Duration.ofMillis(50), "");

    assertThatThrownBy(() -> impatient.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(StatusException.class)
        .hasMessageContaining("DEADLINE_EXCEEDED");
  }

  @Test
  void anAnsweredWaiterNoLongerHoldsADeadline() {
    SharedReadsBackend backend = (SharedReadsBackend) sharing(true, Duration.ZERO);

    backend.call(GET_JOBS, BODY, headers(), TIMEOUT, "");
    CompletableFuture<UpstreamReply> cancelled =
        backend.call(GET_JOBS, BODY, headers(), TIMEOUT, "");
    backend.call(GET_JOBS, BODY, headers(), TIMEOUT, "");
    assertThat(backend.pendingDeadlines()).isEqualTo(3);
    cancelled.cancel(false);
    assertThat(backend.pendingDeadlines()).isEqualTo(2);
    upstream.answerAll(new byte[] {1});

    assertThat(backend.pendingDeadlines()).isZero();
  }

  @Test
  void theCacheAnswersWithinTheTtlAndAsksAgainAfterIt() throws Exception {
    Backend backend = sharing(false, Duration.ofSeconds(2));

    backend.call(GET_JOBS, BODY, headers(), TIMEOUT, "");
    upstream.answerAll(new byte[] {4});
    clock.advance(Duration.ofMillis(1999));
    CompletableFuture<UpstreamReply> hit = backend.call(GET_JOBS, BODY, headers(), TIMEOUT, "");
    clock.advance(Duration.ofMillis(1));
    backend.call(GET_JOBS, BODY, headers(), TIMEOUT, "");

    assertThat(hit.get().body()).containsExactly(4);
    assertThat(upstream.calls).hasSize(2);
    assertThat(meters.counter("cuegate.reads.cache.hits", "method", GET_JOBS.fullName()).count())
        .isEqualTo(1);
    assertThat(meters.counter("cuegate.reads.cache.misses", "method", GET_JOBS.fullName()).count())
        .isEqualTo(2);
  }

  @Test
  void theCacheNeverAnswersAnotherScope() {
    Backend backend = sharing(true, Duration.ofMinutes(1));

    backend.call(GET_JOBS, BODY, headers(), TIMEOUT, "role:operator");
    upstream.answerAll(new byte[] {4});
    backend.call(GET_JOBS, BODY, headers(), TIMEOUT, "role:viewer");

    assertThat(upstream.calls).hasSize(2);
  }

  @Test
  void withNeitherSharingNorCacheTheBackendIsUnwrapped() {
    Backend backend =
        Backend.sharingReads(
            upstream,
            REGISTRY,
            new GatewayConfig.Reads(false, Duration.ZERO),
            meters,
            clock);

    assertThat(backend).isSameAs(upstream);
  }

  private Backend sharing(boolean coalesce, Duration ttl) {
    return Backend.sharingReads(
        upstream,
        REGISTRY,
        new GatewayConfig.Reads(coalesce, ttl),
        meters,
        clock);
  }

  private static Metadata headers() {
    Metadata metadata = new Metadata();
    metadata.put(Metadata.Key.of("x-forwarded-for", Metadata.ASCII_STRING_MARSHALLER), "127.0.0.1");
    return metadata;
  }

  private static ApiMethod method(String service, String name) {
    return REGISTRY.resolve(service, name).orElseThrow();
  }

  /** Calls that wait until the test answers them. */
  private static final class PendingBackend implements Backend {
    final List<CompletableFuture<UpstreamReply>> calls = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<UpstreamReply> call(
        ApiMethod method, byte[] request, Metadata headers, Duration timeout) {
      CompletableFuture<UpstreamReply> call = new CompletableFuture<>();
      calls.add(call);
      return call;
    }

    void answerAll(byte[] body) {
      calls.forEach(call -> call.complete(new UpstreamReply(body, new Metadata())));
    }

    void failAll(Status status) {
      calls.forEach(call -> call.completeExceptionally(status.asException()));
    }

    @Override
    public ConnectivityState state() {
      return ConnectivityState.READY;
    }

    @Override
    public String target() {
      return "pending";
    }

    @Override
    public void close() {}
  }
}
