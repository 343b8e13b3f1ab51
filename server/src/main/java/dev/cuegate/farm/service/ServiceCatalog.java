package dev.cuegate.farm.service;

import dev.cuegate.farm.spec.LayerDefinition;
import dev.cuegate.proto.service.Service;
import dev.cuegate.proto.service.ServiceGetDefaultServicesRequest;
import dev.cuegate.proto.service.ServiceGetDefaultServicesResponse;
import dev.cuegate.proto.service.ServiceInterfaceGrpc;
import dev.cuegate.proto.service.ServiceSeq;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * {@code service.ServiceInterface}: the one service the embedded farm knows, {@code default},
 * with the cores and memory it gives a layer whose spec names none.
 */
final class ServiceCatalog extends ServiceInterfaceGrpc.ServiceInterfaceImplBase {
  static final Service DEFAULT = Service.newBuilder()
      .setId(UUID.nameUUIDFromBytes("service/default".getBytes(StandardCharsets.UTF_8))
          .toString())
      .setName("default")
      .setMinCores(LayerDefinition.DEFAULT_CORES)
      .setMinMemory(LayerDefinition.DEFAULT_MEMORY_KIB)
      .build();

  @Override
  public void getDefaultServices(ServiceGetDefaultServicesRequest request,
      StreamObserver<ServiceGetDefaultServicesResponse> observer) {
    Calls.answer(observer, () -> ServiceGetDefaultServicesResponse.newBuilder()
        .setServices(ServiceSeq.newBuilder().addServices(DEFAULT))
        .build());
  }
}
