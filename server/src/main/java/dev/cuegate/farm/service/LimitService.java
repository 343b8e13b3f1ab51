package dev.cuegate.farm.service;

import dev.cuegate.farm.store.LimitStore;
import dev.cuegate.proto.limit.LimitCreateRequest;
import dev.cuegate.proto.limit.LimitCreateResponse;
import dev.cuegate.proto.limit.LimitDeleteRequest;
import dev.cuegate.proto.limit.LimitDeleteResponse;
import dev.cuegate.proto.limit.LimitFindRequest;
import dev.cuegate.proto.limit.LimitFindResponse;
import dev.cuegate.proto.limit.LimitGetAllRequest;
import dev.cuegate.proto.limit.LimitGetAllResponse;
import dev.cuegate.proto.limit.LimitGetRequest;
import dev.cuegate.proto.limit.LimitGetResponse;
import dev.cuegate.proto.limit.LimitInterfaceGrpc;
import dev.cuegate.proto.limit.LimitRenameRequest;
import dev.cuegate.proto.limit.LimitRenameResponse;
import dev.cuegate.proto.limit.LimitSetMaxValueRequest;
import dev.cuegate.proto.limit.LimitSetMaxValueResponse;
import io.grpc.stub.StreamObserver;

/**
 * {@code limit.LimitInterface}: the farm's limits, each capping how many frames of the layers
 * naming it run at once.
 */
final class LimitService extends LimitInterfaceGrpc.LimitInterfaceImplBase {
  private final LimitStore limits;

  LimitService(LimitStore limits) {
    this.limits = limits;
  }

  @Override
  public void getAll(LimitGetAllRequest request, StreamObserver<LimitGetAllResponse> observer) {
    Calls.answer(observer, () -> {
      LimitGetAllResponse.Builder reply = LimitGetAllResponse.newBuilder();
      limits.all().forEach(limit -> reply.addLimits(SchedulingProtos.limit(limit)));
      return reply.build();
    });
  }

  @Override
  public void create(LimitCreateRequest request, StreamObserver<LimitCreateResponse> observer) {
    Calls.answer(observer, () -> LimitCreateResponse.newBuilder()
        .setLimit(SchedulingProtos.limit(limits.create(request.getName(), request.getMaxValue())))
        .build());
  }

  @Override
  public void delete(LimitDeleteRequest request, StreamObserver<LimitDeleteResponse> observer) {
    Calls.answer(observer, () -> {
      limits.delete(request.getName());
      return LimitDeleteResponse.getDefaultInstance();
    });
  }

  @Override
  public void find(LimitFindRequest request, StreamObserver<LimitFindResponse> observer) {
    Calls.answer(observer, () -> LimitFindResponse.newBuilder()
        .setLimit(SchedulingProtos.limit(limits.find(request.getName()))).build());
  }

  @Override
  public void get(LimitGetRequest request, StreamObserver<LimitGetResponse> observer) {
    Calls.answer(observer, () -> LimitGetResponse.newBuilder()
        .setLimit(SchedulingProtos.limit(limits.get(request.getId()))).build());
  }

  @Override
  public void rename(LimitRenameRequest request, StreamObserver<LimitRenameResponse> observer) {
    Calls.answer(observer, () -> {
      limits.rename(request.getOldName(), request.getNewName());
      return LimitRenameResponse.getDefaultInstance();
    });
  }

  @Override
  public void setMaxValue(LimitSetMaxValueRequest request,
      StreamObserver<LimitSetMaxValueResponse> observer) {
    Calls.answer(observer, () -> {
      limits.setMaxValue(request.getName(), request.getMaxValue());
      return LimitSetMaxValueResponse.getDefaultInstance();
    });
  }
}
