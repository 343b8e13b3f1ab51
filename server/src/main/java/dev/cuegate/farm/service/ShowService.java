package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.FilterStore;
import dev.cuegate.farm.store.HostDirectory;
import dev.cuegate.farm.store.SchedulingStore;
import dev.cuegate.farm.store.ServiceStore;
import dev.cuegate.farm.store.ShowRow;
import dev.cuegate.proto.department.DepartmentSeq;
import dev.cuegate.proto.filter.FilterSeq;
import dev.cuegate.proto.job.GroupSeq;
import dev.cuegate.proto.service.ServiceOverrideSeq;
import dev.cuegate.proto.show.Show;
import dev.cuegate.proto.show.ShowCreateFilterRequest;
import dev.cuegate.proto.show.ShowCreateFilterResponse;
import dev.cuegate.proto.show.ShowCreateShowRequest;
import dev.cuegate.proto.show.ShowCreateShowResponse;
import dev.cuegate.proto.show.ShowCreateSubscriptionRequest;
import dev.cuegate.proto.show.ShowCreateSubscriptionResponse;
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
import dev.cuegate.proto.show.ShowSetCommentEmailRequest;
import dev.cuegate.proto.show.ShowSetCommentEmailResponse;
import dev.cuegate.proto.subscription.SubscriptionSeq;
import dev.cuegate.proto.show.ShowSetDefaultMinCoresRequest;
import dev.cuegate.proto.show.ShowSetDefaultMinCoresResponse;
import dev.cuegate.proto.show.ShowSetDefaultMaxCoresRequest;
import dev.cuegate.proto.show.ShowSetDefaultMaxCoresResponse;
import dev.cuegate.proto.show.ShowEnableBookingRequest;
import dev.cuegate.proto.show.ShowEnableBookingResponse;
import dev.cuegate.proto.show.ShowEnableDispatchingRequest;
import dev.cuegate.proto.show.ShowEnableDispatchingResponse;
import dev.cuegate.proto.show.ShowCreateServiceOverrideRequest;
import dev.cuegate.proto.show.ShowCreateServiceOverrideResponse;
import io.grpc.stub.StreamObserver;

/**
 * {@code show.ShowInterface}: listing, finding and creating shows, their groups, and what a show
 * has on the embedded farm: its subscription to {@code local.general}, the one department, the
 * address that hears of comments, its filters, its service overrides and scheduling settings.
 */
final class ShowService extends ShowInterfaceGrpc.ShowInterfaceImplBase {
  private final FarmStore store;
  private final ShowSubscriptions subscriptions;
  private final ShowDepartments departments;
  private final SchedulingStore scheduling;
  private final ServiceStore services;

  ShowService(FarmStore store, HostDirectory hosts) {
    this.store = store;
    this.subscriptions = new ShowSubscriptions(store, hosts);
    this.departments = new ShowDepartments(store);
    this.scheduling = SchedulingStore.of(store);
    this.services = ServiceStore.of(store);
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
    Calls.answer(observer, () -> ShowGetSubscriptionResponse.newBuilder()
        .setSubscriptions(SubscriptionSeq.newBuilder()
            .addAllSubscriptions(subscriptions.of(show(request.getShow()))))
        .build());
  }

  @Override
  public void createSubscription(ShowCreateSubscriptionRequest request,
      StreamObserver<ShowCreateSubscriptionResponse> observer) {
    Calls.answer(observer, () -> ShowCreateSubscriptionResponse.newBuilder()
        .setSubscription(subscriptions.create(show(request.getShow()), request.getAllocationId(),
            request.getSize(), request.getBurst()))
        .build());
  }

  @Override
  public void setCommentEmail(ShowSetCommentEmailRequest request,
      StreamObserver<ShowSetCommentEmailResponse> observer) {
    Calls.answer(observer, () -> {
      store.setCommentEmail(show(request.getShow()).id(), request.getEmail());
      return ShowSetCommentEmailResponse.getDefaultInstance();
    });
  }

  @Override
  public void getDepartments(ShowGetDepartmentsRequest request,
      StreamObserver<ShowGetDepartmentsResponse> observer) {
    Calls.answer(observer, () -> ShowGetDepartmentsResponse.newBuilder()
        .setDepartments(DepartmentSeq.newBuilder()
            .addDepartments(departments.department(show(request.getShow()))))
        .build());
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
      ServiceOverrideSeq.Builder overrides = ServiceOverrideSeq.newBuilder();
      services.overrides(show(request.getShow()).id())
          .forEach(service -> overrides.addServiceOverrides(SchedulingProtos.override(service)));
      return ShowGetServiceOverridesResponse.newBuilder().setServiceOverrides(overrides).build();
    });
  }

  @Override
  public void createServiceOverride(ShowCreateServiceOverrideRequest request,
      StreamObserver<ShowCreateServiceOverrideResponse> observer) {
    Calls.answer(observer, () -> ShowCreateServiceOverrideResponse.newBuilder()
        .setServiceOverride(SchedulingProtos.override(services.createOverride(
            show(request.getShow()).id(), SchedulingProtos.row(request.getService()))))
        .build());
  }

  // Scheduling: what the farm's dispatch reads (docs/EMBEDDED-FARM.md, "Scheduling").

  @Override
  public void setDefaultMinCores(ShowSetDefaultMinCoresRequest request,
      StreamObserver<ShowSetDefaultMinCoresResponse> observer) {
    Calls.answer(observer, () -> {
      scheduling.setShowDefaultMinCores(show(request.getShow()).id(), request.getMinCores());
      return ShowSetDefaultMinCoresResponse.getDefaultInstance();
    });
  }

  @Override
  public void setDefaultMaxCores(ShowSetDefaultMaxCoresRequest request,
      StreamObserver<ShowSetDefaultMaxCoresResponse> observer) {
    Calls.answer(observer, () -> {
      scheduling.setShowDefaultMaxCores(show(request.getShow()).id(), request.getMaxCores());
      return ShowSetDefaultMaxCoresResponse.getDefaultInstance();
    });
  }

  @Override
  public void enableBooking(ShowEnableBookingRequest request,
      StreamObserver<ShowEnableBookingResponse> observer) {
    Calls.answer(observer, () -> {
      scheduling.enableBooking(show(request.getShow()).id(), request.getEnabled());
      return ShowEnableBookingResponse.getDefaultInstance();
    });
  }

  @Override
  public void enableDispatching(ShowEnableDispatchingRequest request,
      StreamObserver<ShowEnableDispatchingResponse> observer) {
    Calls.answer(observer, () -> {
      scheduling.enableDispatching(show(request.getShow()).id(), request.getEnabled());
      return ShowEnableDispatchingResponse.getDefaultInstance();
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
