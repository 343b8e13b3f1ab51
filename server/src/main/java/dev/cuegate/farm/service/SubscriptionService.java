package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.HostDirectory;
import dev.cuegate.farm.store.ShowRow;
import dev.cuegate.proto.subscription.SubscriptionDeleteRequest;
import dev.cuegate.proto.subscription.SubscriptionDeleteResponse;
import dev.cuegate.proto.subscription.SubscriptionInterfaceGrpc;
import dev.cuegate.proto.subscription.SubscriptionSetBurstRequest;
import dev.cuegate.proto.subscription.SubscriptionSetBurstResponse;
import dev.cuegate.proto.subscription.SubscriptionSetSizeRequest;
import dev.cuegate.proto.subscription.SubscriptionSetSizeResponse;
import io.grpc.stub.StreamObserver;

/**
 * {@code subscription.SubscriptionInterface}: a show's subscription to {@code local.general}
 * keeps the size and burst set here (hundredths of a core) and answers them; they do not change
 * what the farm dispatches.
 */
final class SubscriptionService extends SubscriptionInterfaceGrpc.SubscriptionInterfaceImplBase {
  private final FarmStore store;
  private final ShowSubscriptions subscriptions;

  SubscriptionService(FarmStore store, HostDirectory hosts) {
    this.store = store;
    this.subscriptions = new ShowSubscriptions(store, hosts);
  }

  @Override
  public void setSize(SubscriptionSetSizeRequest request,
      StreamObserver<SubscriptionSetSizeResponse> observer) {
    Calls.answer(observer, () -> {
      ShowRow show = subscriptions.show(request.getSubscription());
      store.subscriptions().setSize(show.id(), request.getNewSize(), subscriptions.allCores());
      return SubscriptionSetSizeResponse.getDefaultInstance();
    });
  }

  @Override
  public void setBurst(SubscriptionSetBurstRequest request,
      StreamObserver<SubscriptionSetBurstResponse> observer) {
    Calls.answer(observer, () -> {
      ShowRow show = subscriptions.show(request.getSubscription());
      store.subscriptions().setBurst(show.id(), request.getBurst(), subscriptions.allCores());
      return SubscriptionSetBurstResponse.getDefaultInstance();
    });
  }

  @Override
  public void delete(SubscriptionDeleteRequest request,
      StreamObserver<SubscriptionDeleteResponse> observer) {
    Calls.answer(observer, () -> {
      ShowRow show = subscriptions.show(request.getSubscription());
      store.subscriptions().delete(show.id(), subscriptions.allCores());
      return SubscriptionDeleteResponse.getDefaultInstance();
    });
  }
}
