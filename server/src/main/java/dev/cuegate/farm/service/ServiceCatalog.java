package dev.cuegate.farm.service;

import dev.cuegate.farm.store.ServiceStore;
import dev.cuegate.proto.service.ServiceCreateServiceRequest;
import dev.cuegate.proto.service.ServiceCreateServiceResponse;
import dev.cuegate.proto.service.ServiceDeleteRequest;
import dev.cuegate.proto.service.ServiceDeleteResponse;
import dev.cuegate.proto.service.ServiceGetDefaultServicesRequest;
import dev.cuegate.proto.service.ServiceGetDefaultServicesResponse;
import dev.cuegate.proto.service.ServiceGetServiceRequest;
import dev.cuegate.proto.service.ServiceGetServiceResponse;
import dev.cuegate.proto.service.ServiceInterfaceGrpc;
import dev.cuegate.proto.service.ServiceSeq;
import dev.cuegate.proto.service.ServiceUpdateRequest;
import dev.cuegate.proto.service.ServiceUpdateResponse;
import io.grpc.stub.StreamObserver;

/**
 * {@code service.ServiceInterface}: the farm-wide services, which give a layer the settings its
 * spec leaves out; {@code default} is what a layer that names no service gets.
 */
final class ServiceCatalog extends ServiceInterfaceGrpc.ServiceInterfaceImplBase {
  private final ServiceStore services;

  ServiceCatalog(ServiceStore services) {
    this.services = services;
  }

  @Override
  public void getDefaultServices(ServiceGetDefaultServicesRequest request,
      StreamObserver<ServiceGetDefaultServicesResponse> observer) {
    Calls.answer(observer, () -> {
      ServiceSeq.Builder seq = ServiceSeq.newBuilder();
      services.defaults().forEach(service -> seq.addServices(SchedulingProtos.service(service)));
      return ServiceGetDefaultServicesResponse.newBuilder().setServices(seq).build();
    });
  }

  @Override
  public void getService(ServiceGetServiceRequest request,
      StreamObserver<ServiceGetServiceResponse> observer) {
    Calls.answer(observer, () -> ServiceGetServiceResponse.newBuilder()
        .setService(SchedulingProtos.service(services.get(request.getName()))).build());
  }

  @Override
  public void createService(ServiceCreateServiceRequest request,
      StreamObserver<ServiceCreateServiceResponse> observer) {
    Calls.answer(observer, () -> ServiceCreateServiceResponse.newBuilder()
        .setService(SchedulingProtos.service(
            services.create(SchedulingProtos.row(request.getData()))))
        .build());
  }

  @Override
  public void update(ServiceUpdateRequest request,
      StreamObserver<ServiceUpdateResponse> observer) {
    Calls.answer(observer, () -> {
      services.update(SchedulingProtos.row(request.getService()));
      return ServiceUpdateResponse.getDefaultInstance();
    });
  }

  @Override
  public void delete(ServiceDeleteRequest request,
      StreamObserver<ServiceDeleteResponse> observer) {
    Calls.answer(observer, () -> {
      services.delete(request.getService().getId(), request.getService().getName());
      return ServiceDeleteResponse.getDefaultInstance();
    });
  }
}
