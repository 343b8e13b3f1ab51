package dev.cuegate.testing;

import static dev.cuegate.testing.Replies.reply;

import dev.cuegate.proto.service.ServiceGetDefaultServicesRequest;
import dev.cuegate.proto.service.ServiceGetDefaultServicesResponse;
import dev.cuegate.proto.service.ServiceGetServiceRequest;
import dev.cuegate.proto.service.ServiceGetServiceResponse;
import dev.cuegate.proto.service.ServiceInterfaceGrpc;
import dev.cuegate.proto.service.ServiceSeq;
import io.grpc.stub.StreamObserver;

/** The fake's {@code service.ServiceInterface}: the farm's catalog of render services. */
final class FakeServiceCatalog extends ServiceInterfaceGrpc.ServiceInterfaceImplBase {

  private final FarmState farm;

  FakeServiceCatalog(FarmState farm) {
    this.farm = farm;
  }

  @Override
  public void getDefaultServices(
      ServiceGetDefaultServicesRequest request,
      StreamObserver<ServiceGetDefaultServicesResponse> out) {
    ServiceSeq services = ServiceSeq.newBuilder().addAllServices(farm.services()).build();
    reply(out, ServiceGetDefaultServicesResponse.newBuilder().setServices(services).build());
  }

  @Override
  public void getService(
      ServiceGetServiceRequest request, StreamObserver<ServiceGetServiceResponse> out) {
    reply(
        out,
        ServiceGetServiceResponse.newBuilder()
            .setService(farm.findService(request.getName()))
            .build());
  }
}
