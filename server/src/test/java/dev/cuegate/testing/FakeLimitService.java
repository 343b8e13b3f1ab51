package dev.cuegate.testing;

import static dev.cuegate.testing.Replies.reply;

import dev.cuegate.proto.limit.LimitFindRequest;
import dev.cuegate.proto.limit.LimitFindResponse;
import dev.cuegate.proto.limit.LimitGetAllRequest;
import dev.cuegate.proto.limit.LimitGetAllResponse;
import dev.cuegate.proto.limit.LimitGetRequest;
import dev.cuegate.proto.limit.LimitGetResponse;
import dev.cuegate.proto.limit.LimitInterfaceGrpc;
import io.grpc.stub.StreamObserver;

/** The fake's {@code limit.LimitInterface}. */
final class FakeLimitService extends LimitInterfaceGrpc.LimitInterfaceImplBase {

  private final FarmState farm;

  FakeLimitService(FarmState farm) {
    this.farm = farm;
  }

  @Override
  public void getAll(LimitGetAllRequest request, StreamObserver<LimitGetAllResponse> out) {
    reply(out, LimitGetAllResponse.newBuilder().addAllLimits(farm.limits()).build());
  }

  @Override
  public void get(LimitGetRequest request, StreamObserver<LimitGetResponse> out) {
    reply(out, LimitGetResponse.newBuilder().setLimit(farm.limit(request.getId())).build());
  }

  @Override
  public void find(LimitFindRequest request, StreamObserver<LimitFindResponse> out) {
    reply(out, LimitFindResponse.newBuilder().setLimit(farm.findLimit(request.getName())).build());
  }
}
