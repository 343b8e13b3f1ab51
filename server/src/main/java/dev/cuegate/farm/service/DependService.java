package dev.cuegate.farm.service;

import dev.cuegate.farm.store.DependActions;
import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.proto.depend.DependGetDependRequest;
import dev.cuegate.proto.depend.DependGetDependResponse;
import dev.cuegate.proto.depend.DependInterfaceGrpc;
import dev.cuegate.proto.depend.DependSatisfyRequest;
import dev.cuegate.proto.depend.DependSatisfyResponse;
import dev.cuegate.proto.depend.DependUnsatisfyRequest;
import dev.cuegate.proto.depend.DependUnsatisfyResponse;
import io.grpc.stub.StreamObserver;

/** {@code depend.DependInterface}: one dependency, and satisfying or unsatisfying it by hand. */
final class DependService extends DependInterfaceGrpc.DependInterfaceImplBase {
  private final DependActions actions;

  DependService(FarmStore store) {
    this.actions = new DependActions(store);
  }

  @Override
  public void getDepend(DependGetDependRequest request,
      StreamObserver<DependGetDependResponse> observer) {
    Calls.answer(observer, () -> DependGetDependResponse.newBuilder()
        .setDepend(DependCalls.depend(actions.depend(RequiredIds.of("id", request.getId()))))
        .build());
  }

  /** What waited for the dependency is released, as if what it waits on were done. */
  @Override
  public void satisfy(DependSatisfyRequest request,
      StreamObserver<DependSatisfyResponse> observer) {
    Calls.answer(observer, () -> {
      actions.satisfy(RequiredIds.of("depend.id", request.getDepend().getId()));
      return DependSatisfyResponse.getDefaultInstance();
    });
  }

  /** The dependency holds again: its frames that are WAITING go back to DEPEND. */
  @Override
  public void unsatisfy(DependUnsatisfyRequest request,
      StreamObserver<DependUnsatisfyResponse> observer) {
    Calls.answer(observer, () -> {
      actions.unsatisfy(RequiredIds.of("depend.id", request.getDepend().getId()));
      return DependUnsatisfyResponse.getDefaultInstance();
    });
  }
}
