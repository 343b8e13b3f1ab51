package dev.cuegate.rehearsal;

import com.google.protobuf.Descriptors.Descriptor;
import dev.cuegate.contract.ApiMethod;
import dev.cuegate.contract.MethodRegistry;
import dev.cuegate.upstream.ByteArrayMarshaller;
import io.grpc.HandlerRegistry;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A gRPC server on loopback that answers every method of the contract with a made-up message of
 * its response type, over the same Netty transport a real Cuebot is reached by.
 */
final class CannedCuebot implements AutoCloseable {
  /**
   * The answers that decide a rehearsal's worth: the calls clients make most, at the sizes they
   * see. Answers a tenth of that size left the transcoder's inner methods at the low compilation
   * tier they had reached in the rehearsal, for minutes (docs/PERFORMANCE.md, "Cold start").
   */
  private static final Map<String, Integer> ELEMENTS =
      Map.of(
          "show.ShowInterface/GetShows", 6,
          "job.JobInterface/GetFrames", 1_000,
          "job.JobInterface/GetJobs", 2_000,
          "show.ShowInterface/GetJobs", 2_000);
  /** Answered NOT_FOUND, as Cuebot answers a name it does not know. */
  static final String NOT_FOUND_METHOD = "show.ShowInterface/FindShow";

  private final Server server;

  private CannedCuebot(Server server) {
    this.server = server;
  }

  static CannedCuebot start(MethodRegistry registry) {
    Map<String, ServerMethodDefinition<byte[], byte[]>> methods = new ConcurrentHashMap<>();
    for (ApiMethod method : registry.methods()) {
      methods.put(method.fullName(), definition(method));
    }
    HandlerRegistry handlers =
        new HandlerRegistry() {
          @Override
          public ServerMethodDefinition<?, ?> lookupMethod(String name, String authority) {
            return methods.get(name);
          }
        };
    try {
      return new CannedCuebot(
          NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
              .fallbackHandlerRegistry(handlers)
              .build()
              .start());
    } catch (IOException e) {
      throw new UncheckedIOException("the rehearsal's canned Cuebot cannot listen", e);
    }
  }

  /** {@code 127.0.0.1:<port>}, as CUEBOT_ENDPOINT names it. */
  String target() {
    return "127.0.0.1:" + server.getPort();
  }

  private static ServerMethodDefinition<byte[], byte[]> definition(ApiMethod method) {
    MethodDescriptor<byte[], byte[]> descriptor =
        MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(method.fullName())
            .setRequestMarshaller(ByteArrayMarshaller.INSTANCE)
            .setResponseMarshaller(ByteArrayMarshaller.INSTANCE)
            .build();
    Optional<byte[]> answer =
        method.fullName().equals(NOT_FOUND_METHOD)
            ? Optional.empty()
            : Optional.of(answer(method.outputType(), method.fullName()));
    return ServerMethodDefinition.create(
        descriptor,
        ServerCalls.asyncUnaryCall(
            (request, response) -> {
              if (answer.isEmpty()) {
                response.onError(Status.NOT_FOUND.withDescription("no such show").asException());
                return;
              }
              response.onNext(answer.get());
              response.onCompleted();
            }));
  }

  private static byte[] answer(Descriptor type, String method) {
    return SampleMessages.wireBytes(type, ELEMENTS.getOrDefault(method, 2));
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
