package dev.cuegate.farm.service;

import dev.cuegate.proto.limit.LimitGetAllRequest;
import dev.cuegate.proto.limit.LimitGetAllResponse;
import dev.cuegate.proto.limit.LimitInterfaceGrpc;
import io.grpc.stub.StreamObserver;

/** {@code limit.LimitInterface}: the embedded farm keeps no limits, so the list is empty. */
final class LimitService extends LimitInterfaceGrpc.LimitInterfaceImplBase {

  @Override
  public void getAll(LimitGetAllRequest request, StreamObserver<LimitGetAllResponse> observer) {
    Calls.answer(observer, LimitGetAllResponse::getDefaultInstance);
  }
}
