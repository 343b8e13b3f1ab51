package dev.cuegate.upstream;

import dev.cuegate.contract.ApiMethod;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.Status;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls over a gRPC channel: to a Cuebot (see {@link CuebotChannels}), or in-process to the
 * embedded farm, with the same call machinery (deadlines, metadata, statuses, readiness probes).
 */
final class GrpcBackend implements Backend {
  /** How often a failing channel may be told to forget its reconnect backoff. */
  private static final Duration RECONNECT_NUDGE_INTERVAL = Duration.ofSeconds(1);
  /**
   * Readiness asks for a method no Cuebot serves: UNIMPLEMENTED proves a live server at the cost of
   * one round trip, without touching the database behind it.
   */
  private static final MethodDescriptor<byte[], byte[]> PROBE =
      MethodDescriptor.<byte[], byte[]>newBuilder()
          .setType(MethodType.UNARY)
          .setFullMethodName("grpc.health.v1.Health/Check")
          .setRequestMarshaller(ByteArrayMarshaller.INSTANCE)
          .setResponseMarshaller(ByteArrayMarshaller.INSTANCE)
          .build();
  /** The codes that mean no server answered; any other answer came from a live Cuebot. */
  private static final Set<Status.Code> NO_ANSWER =
      EnumSet.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.CANCELLED);

  private final ManagedChannel channel;
  /** The channel as API calls see it, with metrics and tracing; probes bypass them. */
  private final Channel apiChannel;
  private final String target;
  private final Clock clock;
  private final ConcurrentMap<String, MethodDescriptor<byte[], byte[]>> grpcMethods =
      new ConcurrentHashMap<>();
  private final AtomicLong lastNudgeMillis = new AtomicLong();

  /** Calls over {@code channel}; {@code target} names it in logs and {@code /config}. */
  GrpcBackend(
      ManagedChannel channel, String target, Clock clock, List<ClientInterceptor> interceptors) {
    this.channel = channel;
    this.target = target;
    this.clock = clock;
    this.apiChannel = ClientInterceptors.intercept(channel, interceptors);
    // Connect now so the first request does not pay for it and readiness is known early.
    channel.getState(true);
  }

  @Override
  public CompletableFuture<UpstreamReply> call(
      ApiMethod method, byte[] request, Metadata headers, Duration timeout) {
    nudgeIfDown();
    ClientCall<byte[], byte[]> call =
        apiChannel.newCall(
            grpcMethod(method),
            CallOptions.DEFAULT.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS));
    UnaryCall unary = new UnaryCall(call);
    unary.start(request, headers);
    return unary.result();
  }

  /**
   * grpc-java backs off up to two minutes between reconnects; a Cuebot that is back must be used
   * at once, so a request that finds the channel failing asks for an immediate attempt (at most
   * once a second, so a flood of requests does not become a flood of connects).
   */
  private void nudgeIfDown() {
    if (channel.getState(false) != ConnectivityState.TRANSIENT_FAILURE) {
      return;
    }
    long now = clock.millis();
    long last = lastNudgeMillis.get();
    if (now - last >= RECONNECT_NUDGE_INTERVAL.toMillis()
        && lastNudgeMillis.compareAndSet(last, now)) {
      channel.resetConnectBackoff();
    }
  }

  private MethodDescriptor<byte[], byte[]> grpcMethod(ApiMethod method) {
    return grpcMethods.computeIfAbsent(
        method.fullName(),
        name ->
            MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodType.UNARY)
                .setFullMethodName(name)
                .setRequestMarshaller(ByteArrayMarshaller.INSTANCE)
                .setResponseMarshaller(ByteArrayMarshaller.INSTANCE)
                .build());
  }

  @Override
  public CompletableFuture<Void> probe(Duration timeout) {
    nudgeIfDown();
    UnaryCall unary =
        new UnaryCall(
            channel.newCall(
                PROBE,
                CallOptions.DEFAULT.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)));
    unary.start(new byte[0], new Metadata());
    return unary
        .result()
        .<Void>thenApply(reply -> null)
        .exceptionallyCompose(
            error -> {
              Status status = Status.fromThrowable(error);
              return NO_ANSWER.contains(status.getCode())
                  ? CompletableFuture.failedFuture(error)
                  : CompletableFuture.completedFuture(null);
            });
  }

  @Override
  public ConnectivityState state() {
    return channel.getState(false);
  }

  @Override
  public String target() {
    return target;
  }

  @Override
  public void close() {
    // Closed after the API port drained: a call still open belongs to a request that was already
    // answered (503 at the drain's end), so nobody waits for it.
    channel.shutdownNow();
    try {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Drives one unary ClientCall and exposes it as a future. */
  private static final class UnaryCall extends ClientCall.Listener<byte[]> {
    private final ClientCall<byte[], byte[]> call;
    private final CompletableFuture<UpstreamReply> result = new CompletableFuture<>();
    private volatile Metadata responseHeaders = new Metadata();
    private volatile byte[] body;

    UnaryCall(ClientCall<byte[], byte[]> call) {
      this.call = call;
      result.whenComplete(
          (reply, error) -> {
            if (result.isCancelled()) {
              call.cancel("client went away", null);
            }
          });
    }

    void start(byte[] request, Metadata headers) {
      call.start(this, headers);
      call.request(2);
      call.sendMessage(request);
      call.halfClose();
    }

    CompletableFuture<UpstreamReply> result() {
      return result;
    }

    @Override
    public void onHeaders(Metadata headers) {
      responseHeaders = headers;
    }

    @Override
    public void onMessage(byte[] message) {
      body = message;
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      if (status.isOk() && body != null) {
        result.complete(new UpstreamReply(body, responseHeaders));
      } else if (status.isOk()) {
        result.completeExceptionally(
            Status.INTERNAL.withDescription("upstream sent no response message")
                .asException(trailers));
      } else {
        result.completeExceptionally(status.asException(trailers));
      }
    }
  }
}
