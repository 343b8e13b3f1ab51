package dev.cuegate.testing;

import static dev.cuegate.testing.Replies.reply;

import dev.cuegate.proto.facility.AllocFindRequest;
import dev.cuegate.proto.facility.AllocFindResponse;
import dev.cuegate.proto.facility.AllocGetAllRequest;
import dev.cuegate.proto.facility.AllocGetAllResponse;
import dev.cuegate.proto.facility.AllocGetDefaultRequest;
import dev.cuegate.proto.facility.AllocGetDefaultResponse;
import dev.cuegate.proto.facility.AllocGetHostsRequest;
import dev.cuegate.proto.facility.AllocGetHostsResponse;
import dev.cuegate.proto.facility.AllocGetRequest;
import dev.cuegate.proto.facility.AllocGetResponse;
import dev.cuegate.proto.facility.AllocGetSubscriptionsRequest;
import dev.cuegate.proto.facility.AllocGetSubscriptionsResponse;
import dev.cuegate.proto.facility.Allocation;
import dev.cuegate.proto.facility.AllocationInterfaceGrpc;
import dev.cuegate.proto.facility.AllocationSeq;
import dev.cuegate.proto.host.Host;
import dev.cuegate.proto.host.HostSeq;
import dev.cuegate.proto.subscription.SubscriptionSeq;
import io.grpc.stub.StreamObserver;
import java.util.List;

/** The fake's {@code facility.AllocationInterface}. */
final class FakeAllocationService extends AllocationInterfaceGrpc.AllocationInterfaceImplBase {

  private static final String DEFAULT_ALLOCATION = "local.general";

  private final FarmState farm;

  FakeAllocationService(FarmState farm) {
    this.farm = farm;
  }

  private Allocation resolve(Allocation ref) {
    return ref.getId().isEmpty()
        ? farm.findAllocation(ref.getName())
        : farm.allocation(ref.getId());
  }

  @Override
  public void getAll(AllocGetAllRequest request, StreamObserver<AllocGetAllResponse> out) {
    AllocationSeq all = AllocationSeq.newBuilder().addAllAllocations(farm.allocations()).build();
    reply(out, AllocGetAllResponse.newBuilder().setAllocations(all).build());
  }

  @Override
  public void find(AllocFindRequest request, StreamObserver<AllocFindResponse> out) {
    Allocation allocation = farm.findAllocation(request.getName());
    reply(out, AllocFindResponse.newBuilder().setAllocation(allocation).build());
  }

  @Override
  public void get(AllocGetRequest request, StreamObserver<AllocGetResponse> out) {
    reply(
        out, AllocGetResponse.newBuilder().setAllocation(farm.allocation(request.getId())).build());
  }

  @Override
  public void getDefault(
      AllocGetDefaultRequest request, StreamObserver<AllocGetDefaultResponse> out) {
    Allocation allocation = farm.findAllocation(DEFAULT_ALLOCATION);
    reply(out, AllocGetDefaultResponse.newBuilder().setAllocation(allocation).build());
  }

  @Override
  public void getHosts(AllocGetHostsRequest request, StreamObserver<AllocGetHostsResponse> out) {
    String name = resolve(request.getAllocation()).getName();
    List<Host> hosts = farm.hosts().stream().filter(h -> h.getAllocName().equals(name)).toList();
    reply(
        out,
        AllocGetHostsResponse.newBuilder()
            .setHosts(HostSeq.newBuilder().addAllHosts(hosts))
            .build());
  }

  @Override
  public void getSubscriptions(
      AllocGetSubscriptionsRequest request, StreamObserver<AllocGetSubscriptionsResponse> out) {
    String name = resolve(request.getAllocation()).getName();
    SubscriptionSeq subscriptions =
        SubscriptionSeq.newBuilder()
            .addAllSubscriptions(farm.subscriptions(s -> s.getAllocationName().equals(name)))
            .build();
    reply(out, AllocGetSubscriptionsResponse.newBuilder().setSubscriptions(subscriptions).build());
  }
}
