package dev.cuegate.testing;

import dev.cuegate.proto.depend.DependGetDependRequest;
import dev.cuegate.proto.depend.DependGetDependResponse;
import dev.cuegate.proto.depend.DependInterfaceGrpc;
import io.grpc.stub.StreamObserver;

/** The fake's {@code depend.DependInterface}: the sample farm has no dependencies to find. */
final class FakeDependService extends DependInterfaceGrpc.DependInterfaceImplBase {

  @Override
  public void getDepend(
      DependGetDependRequest request, StreamObserver<DependGetDependResponse> out) {
    throw FarmState.notFound("depend", request.getId());
  }
}
