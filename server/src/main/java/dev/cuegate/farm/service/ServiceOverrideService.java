package dev.cuegate.farm.service;

import dev.cuegate.farm.store.ServiceStore;
import dev.cuegate.proto.service.ServiceOverrideDeleteRequest;
import dev.cuegate.proto.service.ServiceOverrideDeleteResponse;
import dev.cuegate.proto.service.ServiceOverrideInterfaceGrpc;
import dev.cuegate.proto.service.ServiceOverrideUpdateRequest;
import dev.cuegate.proto.service.ServiceOverrideUpdateResponse;
import io.grpc.stub.StreamObserver;

/**
 * {@code service.ServiceOverrideInterface}: editing and deleting a show's override of a service
 * (created with {@code show.ShowInterface/CreateServiceOverride}).
 */
final class ServiceOverrideService
    extends ServiceOverrideInterfaceGrpc.ServiceOverrideInterfaceImplBase {
  private final ServiceStore services;

  ServiceOverrideService(ServiceStore services) {
    this.services = services;
  }

  @Override
  public void update(ServiceOverrideUpdateRequest request,
      StreamObserver<ServiceOverrideUpdateResponse> observer) {
    Calls.answer(observer, () -> {
      services.updateOverride(SchedulingProtos.row(request.getService()));
      return ServiceOverrideUpdateResponse.getDefaultInstance();
    });
  }

  @Override
  public void delete(ServiceOverrideDeleteRequest request,
      StreamObserver<ServiceOverrideDeleteResponse> observer) {
    Calls.answer(observer, () -> {
      services.deleteOverride(request.getService().getId());
      return ServiceOverrideDeleteResponse.getDefaultInstance();
    });
  }
}
