package dev.cuegate.testing;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Remembers, per full method name, the last request message, the last request metadata and the
 * number of calls; and sends the fake's version as response metadata, as a real server may send its
 * own headers.
 */
final class CallRecorder implements ServerInterceptor {

  static final Metadata.Key<String> VERSION_HEADER =
      Metadata.Key.of("x-cuebot-version", Metadata.ASCII_STRING_MARSHALLER);

  private final String version;
  private final Map<String, Object> requests = new ConcurrentHashMap<>();
  private final Map<String, Metadata> headers = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  CallRecorder(String version) {
    this.version = version;
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata requestHeaders, ServerCallHandler<ReqT, RespT> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    Metadata copy = new Metadata();
    copy.merge(requestHeaders);
    headers.put(method, copy);
    counts.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
    ServerCall.Listener<ReqT> listener = next.startCall(new VersionedCall<>(call), requestHeaders);
    return new SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onMessage(ReqT message) {
        requests.put(method, message);
        super.onMessage(message);
      }
    };
  }

  Optional<Object> lastRequest(String method) {
    return Optional.ofNullable(requests.get(method));
  }

  Optional<Metadata> lastHeaders(String method) {
    return Optional.ofNullable(headers.get(method));
  }

  int callCount(String method) {
    AtomicInteger count = counts.get(method);
    return count == null ? 0 : count.get();
  }

  void clear() {
    requests.clear();
    headers.clear();
    counts.clear();
  }

  /** Adds the version header to the response headers, or to the trailers of an error-only one. */
  private final class VersionedCall<ReqT, RespT> extends SimpleForwardingServerCall<ReqT, RespT> {
    private boolean headersSent;

    VersionedCall(ServerCall<ReqT, RespT> delegate) {
      super(delegate);
    }

    @Override
    public void sendHeaders(Metadata responseHeaders) {
      headersSent = true;
      responseHeaders.put(VERSION_HEADER, version);
      super.sendHeaders(responseHeaders);
    }

    @Override
    public void close(Status status, Metadata trailers) {
      if (!headersSent) {
        trailers.put(VERSION_HEADER, version);
      }
      super.close(status, trailers);
    }
  }
}
