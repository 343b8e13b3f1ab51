package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.HostDirectory;
import dev.cuegate.proto.facility.AllocGetAllRequest;
import dev.cuegate.proto.facility.AllocGetAllResponse;
import dev.cuegate.proto.facility.AllocationInterfaceGrpc;
import dev.cuegate.proto.facility.AllocationSeq;
import io.grpc.stub.StreamObserver;

/** {@code facility.AllocationInterface}: the one allocation, {@code local.general}. */
final class AllocationService extends AllocationInterfaceGrpc.AllocationInterfaceImplBase {
  private final FarmStore store;
  private final HostDirectory hosts;

  AllocationService(FarmStore store, HostDirectory hosts) {
    this.store = store;
    this.hosts = hosts;
  }

  @Override
  public void getAll(AllocGetAllRequest request, StreamObserver<AllocGetAllResponse> observer) {
    Calls.answer(observer, () -> AllocGetAllResponse.newBuilder()
        .setAllocations(AllocationSeq.newBuilder()
            .addAllocations(LocalFacility.allocation(store.transaction(hosts::hosts))))
        .build());
  }
}
