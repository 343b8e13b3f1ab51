package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.FilterStore;
import dev.cuegate.proto.filter.Action;
import dev.cuegate.proto.filter.ActionCommitRequest;
import dev.cuegate.proto.filter.ActionCommitResponse;
import dev.cuegate.proto.filter.ActionDeleteRequest;
import dev.cuegate.proto.filter.ActionDeleteResponse;
import dev.cuegate.proto.filter.ActionGetParentFilterRequest;
import dev.cuegate.proto.filter.ActionGetParentFilterResponse;
import dev.cuegate.proto.filter.ActionInterfaceGrpc;
import io.grpc.stub.StreamObserver;

/** {@code filter.ActionInterface}: editing and deleting one action of a filter. */
final class ActionService extends ActionInterfaceGrpc.ActionInterfaceImplBase {
  private final FilterStore filters;

  ActionService(FarmStore store) {
    this.filters = new FilterStore(store);
  }

  /** Stores the action's type and value as given, checked as when it was created. */
  @Override
  public void commit(ActionCommitRequest request, StreamObserver<ActionCommitResponse> observer) {
    Calls.answer(observer, () -> {
      Action action = request.getAction();
      filters.commitAction(id(action), "action", FilterService.value(action));
      return ActionCommitResponse.getDefaultInstance();
    });
  }

  @Override
  public void delete(ActionDeleteRequest request, StreamObserver<ActionDeleteResponse> observer) {
    Calls.answer(observer, () -> {
      filters.deleteAction(id(request.getAction()));
      return ActionDeleteResponse.getDefaultInstance();
    });
  }

  @Override
  public void getParentFilter(ActionGetParentFilterRequest request,
      StreamObserver<ActionGetParentFilterResponse> observer) {
    Calls.answer(observer, () -> ActionGetParentFilterResponse.newBuilder()
        .setFilter(FilterService.filter(filters.actionFilter(id(request.getAction()))))
        .build());
  }

  private static String id(Action action) {
    return RequiredIds.of("action.id", action.getId());
  }
}
