package dev.cuegate.upstream;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One channel per event loop of the HTTP server: a call started on one of those loops goes over
 * that loop's own connection, so its writes, its answer and the callback that renders the HTTP
 * response all run on the thread that read the request, with no hand-off to another thread.
 *
 * <p>Calls started elsewhere (readiness probes, timers) take the channels in turn.
 */
final class EventLoopChannels extends ManagedChannel {
  private final List<EventLoop> loops;
  private final List<ManagedChannel> channels;
  private final AtomicInteger next = new AtomicInteger();

  private EventLoopChannels(List<EventLoop> loops, List<ManagedChannel> channels) {
    this.loops = loops;
    this.channels = channels;
  }

  /** A channel built by {@code build} for each event loop of {@code group}. */
  static EventLoopChannels of(EventLoopGroup group, Function<EventLoop, ManagedChannel> build) {
    List<EventLoop> loops = new ArrayList<>();
    for (EventExecutor executor : group) {
      loops.add((EventLoop) executor);
    }
    List<ManagedChannel> channels = new ArrayList<>(loops.size());
    for (EventLoop loop : loops) {
      channels.add(build.apply(loop));
    }
    return new EventLoopChannels(List.copyOf(loops), List.copyOf(channels));
  }

  /** How many channels (and so connections) there are. */
  int size() {
    return channels.size();
  }

  private ManagedChannel current() {
    for (int i = 0; i < loops.size(); i++) {
      if (loops.get(i).inEventLoop()) {
        return channels.get(i);
      }
    }
    return channels.get(Math.floorMod(next.getAndIncrement(), channels.size()));
  }

  @Override
  public <Q, A> ClientCall<Q, A> newCall(MethodDescriptor<Q, A> method, CallOptions options) {
    return current().newCall(method, options);
  }

  @Override
  public String authority() {
    return channels.get(0).authority();
  }

  /**
   * The best state of any channel: one connection that works is enough to serve calls, as every
   * channel reaches the same Cuebot(s).
   */
  @Override
  public ConnectivityState getState(boolean requestConnection) {
    ConnectivityState best = ConnectivityState.SHUTDOWN;
    for (ManagedChannel channel : channels) {
      ConnectivityState state = channel.getState(requestConnection);
      if (rank(state) < rank(best)) {
        best = state;
      }
    }
    return best;
  }

  private static int rank(ConnectivityState state) {
    return switch (state) {
      case READY -> 0;
      case CONNECTING -> 1;
      case IDLE -> 2;
      case TRANSIENT_FAILURE -> 3;
      case SHUTDOWN -> 4;
    };
  }

  @Override
  public void resetConnectBackoff() {
    channels.forEach(ManagedChannel::resetConnectBackoff);
  }

  @Override
  public void enterIdle() {
    channels.forEach(ManagedChannel::enterIdle);
  }

  @Override
  public ManagedChannel shutdown() {
    channels.forEach(ManagedChannel::shutdown);
    return this;
  }

  @Override
  public ManagedChannel shutdownNow() {
    channels.forEach(ManagedChannel::shutdownNow);
    return this;
  }

  @Override
  public boolean isShutdown() {
    return channels.stream().allMatch(ManagedChannel::isShutdown);
  }

  @Override
  public boolean isTerminated() {
    return channels.stream().allMatch(ManagedChannel::isTerminated);
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    for (ManagedChannel channel : channels) {
      if (!channel.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
        return false;
      }
    }
    return true;
  }
}
