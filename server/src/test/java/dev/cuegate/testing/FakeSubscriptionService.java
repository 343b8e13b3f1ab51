package dev.cuegate.testing;

import static dev.cuegate.testing.Replies.reply;

import dev.cuegate.proto.subscription.SubscriptionFindRequest;
import dev.cuegate.proto.subscription.SubscriptionFindResponse;
import dev.cuegate.proto.subscription.SubscriptionGetRequest;
import dev.cuegate.proto.subscription.SubscriptionGetResponse;
import dev.cuegate.proto.subscription.SubscriptionInterfaceGrpc;
import io.grpc.stub.StreamObserver;

/** The fake's {@code subscription.SubscriptionInterface}. */
final class FakeSubscriptionService
    extends SubscriptionInterfaceGrpc.SubscriptionInterfaceImplBase {

  private final FarmState farm;

  FakeSubscriptionService(FarmState farm) {
    this.farm = farm;
  }

  @Override
  public void get(SubscriptionGetRequest request, StreamObserver<SubscriptionGetResponse> out) {
    reply(
        out,
        SubscriptionGetResponse.newBuilder()
            .setSubscription(farm.subscription(request.getId()))
            .build());
  }

  @Override
  public void find(SubscriptionFindRequest request, StreamObserver<SubscriptionFindResponse> out) {
    reply(
        out,
        SubscriptionFindResponse.newBuilder()
            .setSubscription(farm.findSubscription(request.getName()))
            .build());
  }
}
