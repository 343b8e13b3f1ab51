package dev.cuegate.testing;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One-shot faults per full method name: the next call fails with a given status, or its answer is
 * held back for a while. Held answers wait on a scheduler, never on a server thread.
 */
final class FaultInjector implements ServerInterceptor {

  private final ScheduledExecutorService scheduler;
  private final Map<String, Queue<Status>> failures = new ConcurrentHashMap<>();
  private final Map<String, Queue<Duration>> delays = new ConcurrentHashMap<>();

  FaultInjector(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  void failNext(String method, Status status) {
    failures.computeIfAbsent(method, m -> new ConcurrentLinkedQueue<>()).add(status);
  }

  void delayNext(String method, Duration delay) {
    delays.computeIfAbsent(method, m -> new ConcurrentLinkedQueue<>()).add(delay);
  }

  void clear() {
    failures.clear();
    delays.clear();
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    Status failure = poll(failures, method);
    if (failure != null) {
      // Fail once the request has arrived, as Cuebot does, so that it is recorded too.
      call.request(2);
      return new ServerCall.Listener<>() {
        @Override
        public void onHalfClose() {
          call.close(failure, new Metadata());
        }
      };
    }
    Duration delay = poll(delays, method);
    if (delay == null) {
      return next.startCall(call, headers);
    }
    return next.startCall(new DelayedCall<>(call, delay), headers);
  }

  private static <T> T poll(Map<String, Queue<T>> pending, String method) {
    Queue<T> queue = pending.get(method);
    return queue == null ? null : queue.poll();
  }

  /** Buffers the answer and replays it, in order, once the delay has passed. */
  private final class DelayedCall<ReqT, RespT> extends SimpleForwardingServerCall<ReqT, RespT> {
    private final Duration delay;
    private final List<Runnable> answer = new ArrayList<>();

    DelayedCall(ServerCall<ReqT, RespT> delegate, Duration delay) {
      super(delegate);
      this.delay = delay;
    }

    @Override
    public synchronized void sendHeaders(Metadata headers) {
      answer.add(() -> super.sendHeaders(headers));
    }

    @Override
    public synchronized void sendMessage(RespT message) {
      answer.add(() -> super.sendMessage(message));
    }

    @Override
    public synchronized void close(Status status, Metadata trailers) {
      answer.add(() -> super.close(status, trailers));
      List<Runnable> steps = List.copyOf(answer);
      scheduler.schedule(() -> steps.forEach(Runnable::run), delay.toNanos(), TimeUnit.NANOSECONDS);
    }
  }
}
