package dev.cuegate.testing;

import static dev.cuegate.testing.Replies.reply;

import dev.cuegate.proto.host.Deed;
import dev.cuegate.proto.host.DeedSeq;
import dev.cuegate.proto.host.Host;
import dev.cuegate.proto.host.HostSeq;
import dev.cuegate.proto.host.Owner;
import dev.cuegate.proto.host.OwnerGetDeedsRequest;
import dev.cuegate.proto.host.OwnerGetDeedsResponse;
import dev.cuegate.proto.host.OwnerGetHostsRequest;
import dev.cuegate.proto.host.OwnerGetHostsResponse;
import dev.cuegate.proto.host.OwnerGetOwnerRequest;
import dev.cuegate.proto.host.OwnerGetOwnerResponse;
import dev.cuegate.proto.host.OwnerInterfaceGrpc;
import io.grpc.stub.StreamObserver;
import java.util.List;

/** The fake's {@code host.OwnerInterface}. */
final class FakeOwnerService extends OwnerInterfaceGrpc.OwnerInterfaceImplBase {

  private final FarmState farm;

  FakeOwnerService(FarmState farm) {
    this.farm = farm;
  }

  @Override
  public void getOwner(OwnerGetOwnerRequest request, StreamObserver<OwnerGetOwnerResponse> out) {
    reply(
        out,
        OwnerGetOwnerResponse.newBuilder().setOwner(farm.findOwner(request.getName())).build());
  }

  private List<Deed> deedsOf(Owner ref) {
    String owner = farm.owner(ref).getName();
    return farm.deeds(d -> d.getOwner().equals(owner));
  }

  @Override
  public void getDeeds(OwnerGetDeedsRequest request, StreamObserver<OwnerGetDeedsResponse> out) {
    DeedSeq deeds = DeedSeq.newBuilder().addAllDeeds(deedsOf(request.getOwner())).build();
    reply(out, OwnerGetDeedsResponse.newBuilder().setDeeds(deeds).build());
  }

  @Override
  public void getHosts(OwnerGetHostsRequest request, StreamObserver<OwnerGetHostsResponse> out) {
    List<Host> hosts =
        deedsOf(request.getOwner()).stream().map(d -> farm.findHost(d.getHost())).toList();
    reply(
        out,
        OwnerGetHostsResponse.newBuilder()
            .setHosts(HostSeq.newBuilder().addAllHosts(hosts))
            .build());
  }
}
