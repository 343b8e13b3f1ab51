package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmException;
import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.GroupRow;
import dev.cuegate.proto.job.GroupFindGroupRequest;
import dev.cuegate.proto.job.GroupFindGroupResponse;
import dev.cuegate.proto.job.GroupGetGroupRequest;
import dev.cuegate.proto.job.GroupGetGroupResponse;
import dev.cuegate.proto.job.GroupInterfaceGrpc;
import io.grpc.stub.StreamObserver;

/** {@code job.GroupInterface}: finding a show's groups (each show has only its root group). */
final class GroupService extends GroupInterfaceGrpc.GroupInterfaceImplBase {
  private final FarmStore store;

  GroupService(FarmStore store) {
    this.store = store;
  }

  @Override
  public void getGroup(GroupGetGroupRequest request,
      StreamObserver<GroupGetGroupResponse> observer) {
    Calls.answer(observer, () -> {
      GroupRow group = store.shows(false).stream()
          .flatMap(show -> store.groups(show.id()).stream())
          .filter(candidate -> candidate.id().equals(request.getId()))
          .findFirst()
          .orElseThrow(() -> new FarmException(FarmException.Kind.NOT_FOUND,
              "group " + request.getId() + " does not exist"));
      return GroupGetGroupResponse.newBuilder().setGroup(Protos.group(group)).build();
    });
  }

  @Override
  public void findGroup(GroupFindGroupRequest request,
      StreamObserver<GroupFindGroupResponse> observer) {
    Calls.answer(observer, () -> {
      GroupRow group = store.groups(store.findShow(request.getShow()).id()).stream()
          .filter(candidate -> candidate.name().equals(request.getName()))
          .findFirst()
          .orElseThrow(() -> new FarmException(FarmException.Kind.NOT_FOUND,
              "show " + request.getShow() + " has no group \"" + request.getName() + "\""));
      return GroupFindGroupResponse.newBuilder().setGroup(Protos.group(group)).build();
    });
  }
}
