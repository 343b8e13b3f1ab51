package dev.cuegate.farm.service;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.HandlerRegistry;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Every method the embedded farm does not implement answers UNIMPLEMENTED with a message that
 * says a Cuebot is needed, instead of grpc-java's bare "Method ... is unimplemented".
 */
final class NeedsCuebot extends HandlerRegistry implements ServerInterceptor {

  static String message(String fullMethodName) {
    return fullMethodName + " needs a Cuebot: CueGate's embedded farm does not implement it"
        + " (set CUEBOT_ENDPOINT to use OpenCue's Cuebot)";
  }

  /** Rewrites the status of the generated base classes' default implementations. */
  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    return next.startCall(new SimpleForwardingServerCall<>(call) {
      @Override
      public void close(Status status, Metadata trailers) {
        Status answer = status.getCode() == Status.Code.UNIMPLEMENTED
            ? Status.UNIMPLEMENTED.withDescription(message(method))
            : status;
        super.close(answer, trailers);
      }
    }, headers);
  }

  /** Answers methods of the services the farm does not serve at all. */
  @Override
  public ServerMethodDefinition<?, ?> lookupMethod(String methodName, String authority) {
    MethodDescriptor<byte[], byte[]> method = MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(methodName)
        .setRequestMarshaller(Bytes.INSTANCE)
        .setResponseMarshaller(Bytes.INSTANCE)
        .build();
    return ServerMethodDefinition.create(method, ServerCalls.asyncUnaryCall(
        (request, observer) -> observer.onError(
            Status.UNIMPLEMENTED.withDescription(message(methodName)).asRuntimeException())));
  }

  /** Messages of unknown services are never read, only skipped. */
  private enum Bytes implements MethodDescriptor.Marshaller<byte[]> {
    INSTANCE;

    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
