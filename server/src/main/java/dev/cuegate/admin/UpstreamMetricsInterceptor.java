package dev.cuegate.admin;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.micrometer.core.instrument.Clock;

/** Times each upstream call from its start to its status, labelled by method and gRPC code. */
final class UpstreamMetricsInterceptor implements ClientInterceptor {
  private final GatewayMetrics metrics;
  private final Clock clock;

  UpstreamMetricsInterceptor(GatewayMetrics metrics, Clock clock) {
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
      MethodDescriptor<ReqT, RespT> method, CallOptions options, Channel next) {
    String name = method.getFullMethodName();
    return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      public void start(Listener<RespT> listener, Metadata headers) {
        long started = clock.monotonicTime();
        super.start(
            new SimpleForwardingClientCallListener<>(listener) {
              @Override
              public void onClose(Status status, Metadata trailers) {
                metrics.upstreamCall(name, status.getCode(), clock.monotonicTime() - started);
                super.onClose(status, trailers);
              }
            },
            headers);
      }
    };
  }
}
