package dev.cuegate.testing;

import static dev.cuegate.testing.Replies.reply;

import dev.cuegate.proto.facility.AllocationSeq;
import dev.cuegate.proto.facility.FacilityGetAllocationsRequest;
import dev.cuegate.proto.facility.FacilityGetAllocationsResponse;
import dev.cuegate.proto.facility.FacilityGetRequest;
import dev.cuegate.proto.facility.FacilityGetResponse;
import dev.cuegate.proto.facility.FacilityInterfaceGrpc;
import io.grpc.stub.StreamObserver;

/** The fake's {@code facility.FacilityInterface}. */
final class FakeFacilityService extends FacilityInterfaceGrpc.FacilityInterfaceImplBase {

  private final FarmState farm;

  FakeFacilityService(FarmState farm) {
    this.farm = farm;
  }

  @Override
  public void get(FacilityGetRequest request, StreamObserver<FacilityGetResponse> out) {
    reply(
        out,
        FacilityGetResponse.newBuilder().setFacility(farm.findFacility(request.getName())).build());
  }

  @Override
  public void getAllocations(
      FacilityGetAllocationsRequest request, StreamObserver<FacilityGetAllocationsResponse> out) {
    String facility = farm.findFacility(request.getFacility().getName()).getName();
    AllocationSeq allocations =
        AllocationSeq.newBuilder()
            .addAllAllocations(
                farm.allocations().stream().filter(a -> a.getFacility().equals(facility)).toList())
            .build();
    reply(out, FacilityGetAllocationsResponse.newBuilder().setAllocations(allocations).build());
  }
}
