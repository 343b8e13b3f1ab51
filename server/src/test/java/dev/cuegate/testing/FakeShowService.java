package dev.cuegate.testing;

import static dev.cuegate.testing.Replies.reply;
import static dev.cuegate.testing.Replies.requireNonNegative;

import dev.cuegate.proto.filter.FilterSeq;
import dev.cuegate.proto.host.DeedSeq;
import dev.cuegate.proto.job.GroupSeq;
import dev.cuegate.proto.job.JobSearchCriteria;
import dev.cuegate.proto.job.JobSeq;
import dev.cuegate.proto.show.Show;
import dev.cuegate.proto.show.ShowCreateShowRequest;
import dev.cuegate.proto.show.ShowCreateShowResponse;
import dev.cuegate.proto.show.ShowEnableBookingRequest;
import dev.cuegate.proto.show.ShowEnableBookingResponse;
import dev.cuegate.proto.show.ShowEnableDispatchingRequest;
import dev.cuegate.proto.show.ShowEnableDispatchingResponse;
import dev.cuegate.proto.show.ShowFindFilterRequest;
import dev.cuegate.proto.show.ShowFindFilterResponse;
import dev.cuegate.proto.show.ShowFindShowRequest;
import dev.cuegate.proto.show.ShowFindShowResponse;
import dev.cuegate.proto.show.ShowGetActiveShowsRequest;
import dev.cuegate.proto.show.ShowGetActiveShowsResponse;
import dev.cuegate.proto.show.ShowGetDeedsRequest;
import dev.cuegate.proto.show.ShowGetDeedsResponse;
import dev.cuegate.proto.show.ShowGetFiltersRequest;
import dev.cuegate.proto.show.ShowGetFiltersResponse;
import dev.cuegate.proto.show.ShowGetGroupsRequest;
import dev.cuegate.proto.show.ShowGetGroupsResponse;
import dev.cuegate.proto.show.ShowGetJobsRequest;
import dev.cuegate.proto.show.ShowGetJobsResponse;
import dev.cuegate.proto.show.ShowGetRootGroupRequest;
import dev.cuegate.proto.show.ShowGetRootGroupResponse;
import dev.cuegate.proto.show.ShowGetShowsRequest;
import dev.cuegate.proto.show.ShowGetShowsResponse;
import dev.cuegate.proto.show.ShowGetSubscriptionRequest;
import dev.cuegate.proto.show.ShowGetSubscriptionResponse;
import dev.cuegate.proto.show.ShowInterfaceGrpc;
import dev.cuegate.proto.show.ShowSeq;
import dev.cuegate.proto.show.ShowSetActiveRequest;
import dev.cuegate.proto.show.ShowSetActiveResponse;
import dev.cuegate.proto.show.ShowSetCommentEmailRequest;
import dev.cuegate.proto.show.ShowSetCommentEmailResponse;
import dev.cuegate.proto.show.ShowSetDefaultMaxCoresRequest;
import dev.cuegate.proto.show.ShowSetDefaultMaxCoresResponse;
import dev.cuegate.proto.show.ShowSetDefaultMinCoresRequest;
import dev.cuegate.proto.show.ShowSetDefaultMinCoresResponse;
import dev.cuegate.proto.subscription.SubscriptionSeq;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.regex.Pattern;

/** The fake's {@code show.ShowInterface}. */
final class FakeShowService extends ShowInterfaceGrpc.ShowInterfaceImplBase {

  /** Show names become the first part of job names, so Cuebot allows no dashes or dots. */
  private static final Pattern SHOW_NAME = Pattern.compile("[A-Za-z0-9_]+");

  private final FarmState farm;

  FakeShowService(FarmState farm) {
    this.farm = farm;
  }

  private static ShowSeq seq(List<Show> shows) {
    return ShowSeq.newBuilder().addAllShows(shows).build();
  }

  @Override
  public void getShows(ShowGetShowsRequest request, StreamObserver<ShowGetShowsResponse> out) {
    reply(out, ShowGetShowsResponse.newBuilder().setShows(seq(farm.shows())).build());
  }

  @Override
  public void getActiveShows(
      ShowGetActiveShowsRequest request, StreamObserver<ShowGetActiveShowsResponse> out) {
    List<Show> active = farm.shows().stream().filter(Show::getActive).toList();
    reply(out, ShowGetActiveShowsResponse.newBuilder().setShows(seq(active)).build());
  }

  @Override
  public void findShow(ShowFindShowRequest request, StreamObserver<ShowFindShowResponse> out) {
    reply(out, ShowFindShowResponse.newBuilder().setShow(farm.findShow(request.getName())).build());
  }

  @Override
  public void createShow(
      ShowCreateShowRequest request, StreamObserver<ShowCreateShowResponse> out) {
    String name = request.getName();
    if (!SHOW_NAME.matcher(name).matches()) {
      throw FarmState.invalid("invalid show name: '" + name + "'");
    }
    if (farm.shows().stream().anyMatch(s -> s.getName().equals(name))) {
      throw Status.ALREADY_EXISTS
          .withDescription("show " + name + " already exists")
          .asRuntimeException();
    }
    farm.addShow(
        Show.newBuilder()
            .setId(FarmState.newId())
            .setName(name)
            .setDefaultMinCores(1)
            .setDefaultMaxCores(100)
            .setBookingEnabled(true)
            .setDispatchEnabled(true)
            .setActive(true)
            .build());
    farm.addGroup(name, SampleFarm.group(name, name, "", 0));
    reply(out, ShowCreateShowResponse.newBuilder().setShow(farm.findShow(name)).build());
  }

  @Override
  public void getGroups(ShowGetGroupsRequest request, StreamObserver<ShowGetGroupsResponse> out) {
    String show = farm.show(request.getShow()).getName();
    GroupSeq groups = GroupSeq.newBuilder().addAllGroups(farm.groups(show)).build();
    reply(out, ShowGetGroupsResponse.newBuilder().setGroups(groups).build());
  }

  @Override
  public void getRootGroup(
      ShowGetRootGroupRequest request, StreamObserver<ShowGetRootGroupResponse> out) {
    String show = farm.show(request.getShow()).getName();
    reply(out, ShowGetRootGroupResponse.newBuilder().setGroup(farm.rootGroup(show)).build());
  }

  @Override
  public void getJobs(ShowGetJobsRequest request, StreamObserver<ShowGetJobsResponse> out) {
    String show = farm.show(request.getShow()).getName();
    JobCriteria pending = JobCriteria.of(JobSearchCriteria.newBuilder().addShows(show).build());
    JobSeq jobs =
        JobSeq.newBuilder().addAllJobs(farm.jobs().stream().filter(pending).toList()).build();
    reply(out, ShowGetJobsResponse.newBuilder().setJobs(jobs).build());
  }

  @Override
  public void getSubscriptions(
      ShowGetSubscriptionRequest request, StreamObserver<ShowGetSubscriptionResponse> out) {
    String show = farm.show(request.getShow()).getName();
    SubscriptionSeq subscriptions =
        SubscriptionSeq.newBuilder()
            .addAllSubscriptions(farm.subscriptions(s -> s.getShowName().equals(show)))
            .build();
    reply(out, ShowGetSubscriptionResponse.newBuilder().setSubscriptions(subscriptions).build());
  }

  @Override
  public void getFilters(
      ShowGetFiltersRequest request, StreamObserver<ShowGetFiltersResponse> out) {
    String show = farm.show(request.getShow()).getName();
    FilterSeq filters = FilterSeq.newBuilder().addAllFilters(farm.filters(show)).build();
    reply(out, ShowGetFiltersResponse.newBuilder().setFilters(filters).build());
  }

  @Override
  public void findFilter(
      ShowFindFilterRequest request, StreamObserver<ShowFindFilterResponse> out) {
    String show = farm.show(request.getShow()).getName();
    reply(
        out,
        ShowFindFilterResponse.newBuilder()
            .setFilter(farm.findFilter(show, request.getName()))
            .build());
  }

  @Override
  public void getDeeds(ShowGetDeedsRequest request, StreamObserver<ShowGetDeedsResponse> out) {
    String show = farm.show(request.getShow()).getName();
    DeedSeq deeds =
        DeedSeq.newBuilder().addAllDeeds(farm.deeds(d -> d.getShow().equals(show))).build();
    reply(out, ShowGetDeedsResponse.newBuilder().setDeeds(deeds).build());
  }

  @Override
  public void setDefaultMinCores(
      ShowSetDefaultMinCoresRequest request, StreamObserver<ShowSetDefaultMinCoresResponse> out) {
    requireNonNegative(request.getMinCores(), "min_cores");
    farm.updateShow(
        farm.show(request.getShow()).getId(), s -> s.setDefaultMinCores(request.getMinCores()));
    reply(out, ShowSetDefaultMinCoresResponse.getDefaultInstance());
  }

  @Override
  public void setDefaultMaxCores(
      ShowSetDefaultMaxCoresRequest request, StreamObserver<ShowSetDefaultMaxCoresResponse> out) {
    requireNonNegative(request.getMaxCores(), "max_cores");
    farm.updateShow(
        farm.show(request.getShow()).getId(), s -> s.setDefaultMaxCores(request.getMaxCores()));
    reply(out, ShowSetDefaultMaxCoresResponse.getDefaultInstance());
  }

  @Override
  public void setActive(ShowSetActiveRequest request, StreamObserver<ShowSetActiveResponse> out) {
    farm.updateShow(farm.show(request.getShow()).getId(), s -> s.setActive(request.getValue()));
    reply(out, ShowSetActiveResponse.getDefaultInstance());
  }

  @Override
  public void enableBooking(
      ShowEnableBookingRequest request, StreamObserver<ShowEnableBookingResponse> out) {
    farm.updateShow(
        farm.show(request.getShow()).getId(), s -> s.setBookingEnabled(request.getEnabled()));
    reply(out, ShowEnableBookingResponse.getDefaultInstance());
  }

  @Override
  public void enableDispatching(
      ShowEnableDispatchingRequest request, StreamObserver<ShowEnableDispatchingResponse> out) {
    farm.updateShow(
        farm.show(request.getShow()).getId(), s -> s.setDispatchEnabled(request.getEnabled()));
    reply(out, ShowEnableDispatchingResponse.getDefaultInstance());
  }

  @Override
  public void setCommentEmail(
      ShowSetCommentEmailRequest request, StreamObserver<ShowSetCommentEmailResponse> out) {
    farm.updateShow(
        farm.show(request.getShow()).getId(), s -> s.setCommentEmail(request.getEmail()));
    reply(out, ShowSetCommentEmailResponse.getDefaultInstance());
  }
}
