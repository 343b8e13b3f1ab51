package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmException;
import dev.cuegate.proto.host.HostFindHostRequest;
import dev.cuegate.proto.host.HostFindHostResponse;
import dev.cuegate.proto.host.HostGetHostRequest;
import dev.cuegate.proto.host.HostGetHostResponse;
import dev.cuegate.proto.host.HostGetHostsRequest;
import dev.cuegate.proto.host.HostGetHostsResponse;
import dev.cuegate.proto.host.HostInterfaceGrpc;
import dev.cuegate.proto.host.HostSeq;
import io.grpc.stub.StreamObserver;

/** {@code host.HostInterface}: no hosts yet; HTTP workers will appear here once they register. */
final class HostService extends HostInterfaceGrpc.HostInterfaceImplBase {

  @Override
  public void getHosts(HostGetHostsRequest request, StreamObserver<HostGetHostsResponse> observer) {
    Calls.answer(observer, () ->
        HostGetHostsResponse.newBuilder().setHosts(HostSeq.getDefaultInstance()).build());
  }

  @Override
  public void findHost(HostFindHostRequest request, StreamObserver<HostFindHostResponse> observer) {
    Calls.answer(observer, () -> {
      throw new FarmException(FarmException.Kind.NOT_FOUND,
          "host \"" + request.getName() + "\" does not exist");
    });
  }

  @Override
  public void getHost(HostGetHostRequest request, StreamObserver<HostGetHostResponse> observer) {
    Calls.answer(observer, () -> {
      throw new FarmException(FarmException.Kind.NOT_FOUND,
          "host " + request.getId() + " does not exist");
    });
  }
}
