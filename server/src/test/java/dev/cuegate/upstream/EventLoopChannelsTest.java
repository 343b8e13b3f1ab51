package dev.cuegate.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.common.util.EventLoopGroups;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventLoopChannelsTest {
  private final EventLoopGroup group = EventLoopGroups.newEventLoopGroup(3);
  private final List<RecordingChannel> built = new ArrayList<>();

  @AfterEach
  void stop() {
    group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
  }

  private EventLoopChannels channels() {
    return EventLoopChannels.of(
        group,
        loop -> {
          RecordingChannel channel = new RecordingChannel(loop);
          built.add(channel);
          return channel;
        });
  }

  private static final MethodDescriptor<byte[], byte[]> METHOD =
      MethodDescriptor.<byte[], byte[]>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName("show.ShowInterface/GetShows")
          .setRequestMarshaller(ByteArrayMarshaller.INSTANCE)
          .setResponseMarshaller(ByteArrayMarshaller.INSTANCE)
          .build();

  @Test
  void aCallStartedOnAnEventLoopGoesOverThatLoopsChannel() throws Exception {
    EventLoopChannels channels = channels();

    List<EventExecutor> loops = new ArrayList<>();
    group.forEach(loops::add);
    // In reverse and twice each, so that taking the channels in turn would not pass.
    for (int i = loops.size() - 1; i >= 0; i--) {
      EventExecutor loop = loops.get(i);
      loop.submit(() -> channels.newCall(METHOD, CallOptions.DEFAULT)).get();
      loop.submit(() -> channels.newCall(METHOD, CallOptions.DEFAULT)).get();
    }

    assertThat(channels.size()).isEqualTo(3);
    for (RecordingChannel channel : built) {
      assertThat(channel.callsFrom).hasSize(2).allMatch(channel.loop::inEventLoop);
    }
  }

  @Test
  void callsFromOtherThreadsTakeTheChannelsInTurn() {
    EventLoopChannels channels = channels();

    for (int i = 0; i < 6; i++) {
      channels.newCall(METHOD, CallOptions.DEFAULT);
    }

    assertThat(built).allSatisfy(channel -> assertThat(channel.callsFrom).hasSize(2));
  }

  @Test
  void theStateIsTheBestOfAnyChannel() {
    EventLoopChannels channels = channels();
    built.forEach(channel -> channel.state = ConnectivityState.TRANSIENT_FAILURE);
    assertThat(channels.getState(false)).isEqualTo(ConnectivityState.TRANSIENT_FAILURE);

    built.get(1).state = ConnectivityState.CONNECTING;
    assertThat(channels.getState(false)).isEqualTo(ConnectivityState.CONNECTING);

    built.get(2).state = ConnectivityState.READY;
    assertThat(channels.getState(false)).isEqualTo(ConnectivityState.READY);
  }

  @Test
  void shutdownAndBackoffResetReachEveryChannel() throws InterruptedException {
    EventLoopChannels channels = channels();

    channels.resetConnectBackoff();
    assertThat(channels.isShutdown()).isFalse();
    channels.shutdown();

    assertThat(built).allSatisfy(channel -> {
      assertThat(channel.backoffResets).isEqualTo(1);
      assertThat(channel.isShutdown()).isTrue();
    });
    assertThat(channels.isShutdown()).isTrue();
    assertThat(channels.awaitTermination(1, TimeUnit.SECONDS)).isTrue();
  }

  /** Records which thread asked it for calls; makes none. */
  private static final class RecordingChannel extends ManagedChannel {
    final EventLoop loop;
    final List<Thread> callsFrom = new ArrayList<>();
    volatile ConnectivityState state = ConnectivityState.IDLE;
    int backoffResets;
    volatile boolean shutdown;

    RecordingChannel(EventLoop loop) {
      this.loop = loop;
    }

    @Override
    public <Q, A> ClientCall<Q, A> newCall(MethodDescriptor<Q, A> method, CallOptions options) {
      synchronized (callsFrom) {
        callsFrom.add(Thread.currentThread());
      }
      return null;
    }

    @Override
    public String authority() {
      return "cuebot";
    }

    @Override
    public ConnectivityState getState(boolean requestConnection) {
      return state;
    }

    @Override
    public void resetConnectBackoff() {
      backoffResets++;
    }

    @Override
    public ManagedChannel shutdown() {
      shutdown = true;
      return this;
    }

    @Override
    public ManagedChannel shutdownNow() {
      return shutdown();
    }

    @Override
    public boolean isShutdown() {
      return shutdown;
    }

    @Override
    public boolean isTerminated() {
      return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return shutdown;
    }
  }
}
