package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.ShowRow;
import dev.cuegate.proto.job.GroupSeq;
import dev.cuegate.proto.show.Show;
import dev.cuegate.proto.show.ShowCreateShowRequest;
import dev.cuegate.proto.show.ShowCreateShowResponse;
import dev.cuegate.proto.show.ShowFindShowRequest;
import dev.cuegate.proto.show.ShowFindShowResponse;
import dev.cuegate.proto.show.ShowGetActiveShowsRequest;
import dev.cuegate.proto.show.ShowGetActiveShowsResponse;
import dev.cuegate.proto.show.ShowGetGroupsRequest;
import dev.cuegate.proto.show.ShowGetGroupsResponse;
import dev.cuegate.proto.show.ShowGetRootGroupRequest;
import dev.cuegate.proto.show.ShowGetRootGroupResponse;
import dev.cuegate.proto.show.ShowGetShowsRequest;
import dev.cuegate.proto.show.ShowGetShowsResponse;
import dev.cuegate.proto.show.ShowInterfaceGrpc;
import dev.cuegate.proto.show.ShowSeq;
import io.grpc.stub.StreamObserver;

/** {@code show.ShowInterface}: listing, finding and creating shows, and their groups. */
final class ShowService extends ShowInterfaceGrpc.ShowInterfaceImplBase {
  private final FarmStore store;

  ShowService(FarmStore store) {
    this.store = store;
  }

  @Override
  public void getShows(ShowGetShowsRequest request,
      StreamObserver<ShowGetShowsResponse> observer) {
    Calls.answer(observer, () ->
        ShowGetShowsResponse.newBuilder().setShows(shows(false)).build());
  }

  @Override
  public void getActiveShows(ShowGetActiveShowsRequest request,
      StreamObserver<ShowGetActiveShowsResponse> observer) {
    Calls.answer(observer, () ->
        ShowGetActiveShowsResponse.newBuilder().setShows(shows(true)).build());
  }

  @Override
  public void findShow(ShowFindShowRequest request,
      StreamObserver<ShowFindShowResponse> observer) {
    Calls.answer(observer, () -> ShowFindShowResponse.newBuilder()
        .setShow(Protos.show(store.findShow(request.getName()))).build());
  }

  @Override
  public void createShow(ShowCreateShowRequest request,
      StreamObserver<ShowCreateShowResponse> observer) {
    Calls.answer(observer, () -> ShowCreateShowResponse.newBuilder()
        .setShow(Protos.show(store.createShow(request.getName()))).build());
  }

  @Override
  public void getGroups(ShowGetGroupsRequest request,
      StreamObserver<ShowGetGroupsResponse> observer) {
    Calls.answer(observer, () -> {
      ShowRow show = show(request.getShow());
      GroupSeq.Builder groups = GroupSeq.newBuilder();
      store.groups(show.id()).forEach(group -> groups.addGroups(Protos.group(group)));
      return ShowGetGroupsResponse.newBuilder().setGroups(groups).build();
    });
  }

  @Override
  public void getRootGroup(ShowGetRootGroupRequest request,
      StreamObserver<ShowGetRootGroupResponse> observer) {
    Calls.answer(observer, () -> ShowGetRootGroupResponse.newBuilder()
        .setGroup(Protos.group(store.rootGroup(show(request.getShow()).id()))).build());
  }

  private ShowRow show(Show show) {
    return store.show(show.getId(), show.getName());
  }

  private ShowSeq shows(boolean activeOnly) {
    ShowSeq.Builder shows = ShowSeq.newBuilder();
    store.shows(activeOnly).forEach(show -> shows.addShows(Protos.show(show)));
    return shows.build();
  }
}
