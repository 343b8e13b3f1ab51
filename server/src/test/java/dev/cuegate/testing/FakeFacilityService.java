package dev.cuegate.testing;

import static dev.cuegate.testing.Replies.reply;

import dev.cuegate.proto.facility.FacilityGetRequest;
import dev.cuegate.proto.facility.FacilityGetResponse;
import dev.cuegate.proto.facility.FacilityInterfaceGrpc;
import io.grpc.stub.StreamObserver;

/**
 * The fake's {@code facility.FacilityInterface}. {@code GetAllocations} answers UNIMPLEMENTED, as
 * OpenCue's Cuebot does (FakeCuebotHonestyTest).
 */
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
}
