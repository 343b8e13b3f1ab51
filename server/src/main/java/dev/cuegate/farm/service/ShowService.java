package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.FilterStore;
import dev.cuegate.farm.store.HostDirectory;
import dev.cuegate.farm.store.ShowRow;
import dev.cuegate.proto.department.Department;
import dev.cuegate.proto.department.DepartmentSeq;
import dev.cuegate.proto.filter.FilterSeq;
import dev.cuegate.proto.job.GroupSeq;
import dev.cuegate.proto.service.ServiceOverrideSeq;
import dev.cuegate.proto.show.Show;
import dev.cuegate.proto.show.ShowCreateFilterRequest;
import dev.cuegate.proto.show.ShowCreateFilterResponse;
import dev.cuegate.proto.show.ShowCreateShowRequest;
import dev.cuegate.proto.show.ShowCreateShowResponse;
import dev.cuegate.proto.show.ShowFindShowRequest;
import dev.cuegate.proto.show.ShowFindShowResponse;
import dev.cuegate.proto.show.ShowGetActiveShowsRequest;
import dev.cuegate.proto.show.ShowGetActiveShowsResponse;
import dev.cuegate.proto.show.ShowGetDepartmentsRequest;
import dev.cuegate.proto.show.ShowGetDepartmentsResponse;
import dev.cuegate.proto.show.ShowGetFiltersRequest;
import dev.cuegate.proto.show.ShowGetFiltersResponse;
import dev.cuegate.proto.show.ShowGetServiceOverridesRequest;
import dev.cuegate.proto.show.ShowGetServiceOverridesResponse;
import dev.cuegate.proto.show.ShowGetGroupsRequest;
import dev.cuegate.proto.show.ShowGetGroupsResponse;
import dev.cuegate.proto.show.ShowGetRootGroupRequest;
import dev.cuegate.proto.show.ShowGetRootGroupResponse;
import dev.cuegate.proto.show.ShowGetShowsRequest;
import dev.cuegate.proto.show.ShowGetShowsResponse;
import dev.cuegate.proto.show.ShowGetSubscriptionRequest;
import dev.cuegate.proto.show.ShowGetSubscriptionResponse;
import dev.cuegate.proto.show.ShowInterfaceGrpc;
import dev.cuegate.proto.show.ShowSeq;
import dev.cuegate.proto.subscription.SubscriptionSeq;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * {@code show.ShowInterface}: listing, finding and creating shows, their groups, and what a show
 * has on the embedded farm: its subscription to {@code local.general}, the one department, its
 * filters, and no service overrides.
 */
final class ShowService extends ShowInterfaceGrpc.ShowInterfaceImplBase {
  private final FarmStore store;
  private final HostDirectory hosts;

  ShowService(FarmStore store, HostDirectory hosts) {
    this.store = store;
    this.hosts = hosts;
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

  @Override
  public void getSubscriptions(ShowGetSubscriptionRequest request,
      StreamObserver<ShowGetSubscriptionResponse> observer) {
    Calls.answer(observer, () -> {
      ShowRow show = show(request.getShow());
      return ShowGetSubscriptionResponse.newBuilder()
          .setSubscriptions(SubscriptionSeq.newBuilder().addSubscriptions(
              LocalFacility.subscription(show, store.transaction(hosts::hosts))))
          .build();
    });
  }

  @Override
  public void getDepartments(ShowGetDepartmentsRequest request,
      StreamObserver<ShowGetDepartmentsResponse> observer) {
    Calls.answer(observer, () -> {
      ShowRow show = show(request.getShow());
      Department unknown = Department.newBuilder()
          .setId(UUID.nameUUIDFromBytes((show.id() + "/" + DepartmentService.UNKNOWN)
              .getBytes(StandardCharsets.UTF_8)).toString())
          .setName(show.name() + "." + DepartmentService.UNKNOWN)
          .setDept(DepartmentService.UNKNOWN)
          .build();
      return ShowGetDepartmentsResponse.newBuilder()
          .setDepartments(DepartmentSeq.newBuilder().addDepartments(unknown)).build();
    });
  }

  /** The show's filters in the order they run. */
  @Override
  public void getFilters(ShowGetFiltersRequest request,
      StreamObserver<ShowGetFiltersResponse> observer) {
    Calls.answer(observer, () -> {
      FilterSeq.Builder filters = FilterSeq.newBuilder();
      new FilterStore(store).filters(show(request.getShow()).id())
          .forEach(filter -> filters.addFilters(FilterService.filter(filter)));
      return ShowGetFiltersResponse.newBuilder().setFilters(filters).build();
    });
  }

  /** A new filter, enabled and MATCH_ANY, that runs after the show's others. */
  @Override
  public void createFilter(ShowCreateFilterRequest request,
      StreamObserver<ShowCreateFilterResponse> observer) {
    Calls.answer(observer, () -> ShowCreateFilterResponse.newBuilder()
        .setFilter(FilterService.filter(
            new FilterStore(store).create(show(request.getShow()).id(), request.getName())))
        .build());
  }

  @Override
  public void getServiceOverrides(ShowGetServiceOverridesRequest request,
      StreamObserver<ShowGetServiceOverridesResponse> observer) {
    Calls.answer(observer, () -> {
      show(request.getShow());
      return ShowGetServiceOverridesResponse.newBuilder()
          .setServiceOverrides(ServiceOverrideSeq.getDefaultInstance()).build();
    });
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
