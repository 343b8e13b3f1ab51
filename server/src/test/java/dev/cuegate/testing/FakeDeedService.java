package dev.cuegate.testing;

import static dev.cuegate.testing.Replies.reply;

import dev.cuegate.proto.host.Deed;
import dev.cuegate.proto.host.DeedGetHostRequest;
import dev.cuegate.proto.host.DeedGetHostResponse;
import dev.cuegate.proto.host.DeedGetOwnerRequest;
import dev.cuegate.proto.host.DeedGetOwnerResponse;
import dev.cuegate.proto.host.DeedInterfaceGrpc;
import io.grpc.stub.StreamObserver;

/** The fake's {@code host.DeedInterface}. */
final class FakeDeedService extends DeedInterfaceGrpc.DeedInterfaceImplBase {

  private final FarmState farm;

  FakeDeedService(FarmState farm) {
    this.farm = farm;
  }

  @Override
  public void getHost(DeedGetHostRequest request, StreamObserver<DeedGetHostResponse> out) {
    Deed deed = farm.deed(request.getDeed().getId());
    reply(out, DeedGetHostResponse.newBuilder().setHost(farm.findHost(deed.getHost())).build());
  }

  @Override
  public void getOwner(DeedGetOwnerRequest request, StreamObserver<DeedGetOwnerResponse> out) {
    Deed deed = farm.deed(request.getDeed().getId());
    reply(out, DeedGetOwnerResponse.newBuilder().setOwner(farm.findOwner(deed.getOwner())).build());
  }
}
