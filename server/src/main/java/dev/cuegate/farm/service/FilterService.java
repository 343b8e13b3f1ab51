package dev.cuegate.farm.service;

import dev.cuegate.farm.store.ActionRow;
import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.FilterRow;
import dev.cuegate.farm.store.FilterStore;
import dev.cuegate.farm.store.MatcherRow;
import dev.cuegate.proto.filter.Action;
import dev.cuegate.proto.filter.ActionSeq;
import dev.cuegate.proto.filter.ActionValueType;
import dev.cuegate.proto.filter.Filter;
import dev.cuegate.proto.filter.FilterCreateActionRequest;
import dev.cuegate.proto.filter.FilterCreateActionResponse;
import dev.cuegate.proto.filter.FilterCreateMatcherRequest;
import dev.cuegate.proto.filter.FilterCreateMatcherResponse;
import dev.cuegate.proto.filter.FilterDeleteRequest;
import dev.cuegate.proto.filter.FilterDeleteResponse;
import dev.cuegate.proto.filter.FilterFindFilterRequest;
import dev.cuegate.proto.filter.FilterFindFilterResponse;
import dev.cuegate.proto.filter.FilterGetActionsRequest;
import dev.cuegate.proto.filter.FilterGetActionsResponse;
import dev.cuegate.proto.filter.FilterGetMatchersRequest;
import dev.cuegate.proto.filter.FilterGetMatchersResponse;
import dev.cuegate.proto.filter.FilterInterfaceGrpc;
import dev.cuegate.proto.filter.FilterLowerOrderRequest;
import dev.cuegate.proto.filter.FilterLowerOrderResponse;
import dev.cuegate.proto.filter.FilterOrderFirstRequest;
import dev.cuegate.proto.filter.FilterOrderFirstResponse;
import dev.cuegate.proto.filter.FilterOrderLastRequest;
import dev.cuegate.proto.filter.FilterOrderLastResponse;
import dev.cuegate.proto.filter.FilterRaiseOrderRequest;
import dev.cuegate.proto.filter.FilterRaiseOrderResponse;
import dev.cuegate.proto.filter.FilterRunFilterOnGroupRequest;
import dev.cuegate.proto.filter.FilterRunFilterOnGroupResponse;
import dev.cuegate.proto.filter.FilterRunFilterOnJobsRequest;
import dev.cuegate.proto.filter.FilterRunFilterOnJobsResponse;
import dev.cuegate.proto.filter.FilterSetEnabledRequest;
import dev.cuegate.proto.filter.FilterSetEnabledResponse;
import dev.cuegate.proto.filter.FilterSetNameRequest;
import dev.cuegate.proto.filter.FilterSetNameResponse;
import dev.cuegate.proto.filter.FilterSetOrderRequest;
import dev.cuegate.proto.filter.FilterSetOrderResponse;
import dev.cuegate.proto.filter.FilterSetTypeRequest;
import dev.cuegate.proto.filter.FilterSetTypeResponse;
import dev.cuegate.proto.filter.Matcher;
import dev.cuegate.proto.filter.MatcherSeq;
import io.grpc.stub.StreamObserver;
import java.util.List;

/** {@code filter.FilterInterface}: one filter of a show, its matchers and actions. */
final class FilterService extends FilterInterfaceGrpc.FilterInterfaceImplBase {
  private final FarmStore store;
  private final FilterStore filters;

  FilterService(FarmStore store) {
    this.store = store;
    this.filters = new FilterStore(store);
  }

  @Override
  public void findFilter(FilterFindFilterRequest request,
      StreamObserver<FilterFindFilterResponse> observer) {
    Calls.answer(observer, () -> FilterFindFilterResponse.newBuilder()
        .setFilter(filter(filters.find(store.findShow(request.getShow()).id(),
            request.getShow(), request.getName())))
        .build());
  }

  @Override
  public void setName(FilterSetNameRequest request,
      StreamObserver<FilterSetNameResponse> observer) {
    Calls.answer(observer, () -> {
      filters.setName(id(request.getFilter()), request.getName());
      return FilterSetNameResponse.getDefaultInstance();
    });
  }

  @Override
  public void setType(FilterSetTypeRequest request,
      StreamObserver<FilterSetTypeResponse> observer) {
    Calls.answer(observer, () -> {
      filters.setType(id(request.getFilter()), request.getType());
      return FilterSetTypeResponse.getDefaultInstance();
    });
  }

  @Override
  public void setEnabled(FilterSetEnabledRequest request,
      StreamObserver<FilterSetEnabledResponse> observer) {
    Calls.answer(observer, () -> {
      filters.setEnabled(id(request.getFilter()), request.getEnabled());
      return FilterSetEnabledResponse.getDefaultInstance();
    });
  }

  @Override
  public void setOrder(FilterSetOrderRequest request,
      StreamObserver<FilterSetOrderResponse> observer) {
    Calls.answer(observer, () -> {
      filters.setOrder(id(request.getFilter()), request.getOrder());
      return FilterSetOrderResponse.getDefaultInstance();
    });
  }

  @Override
  public void raiseOrder(FilterRaiseOrderRequest request,
      StreamObserver<FilterRaiseOrderResponse> observer) {
    Calls.answer(observer, () -> {
      filters.raise(id(request.getFilter()));
      return FilterRaiseOrderResponse.getDefaultInstance();
    });
  }

  @Override
  public void lowerOrder(FilterLowerOrderRequest request,
      StreamObserver<FilterLowerOrderResponse> observer) {
    Calls.answer(observer, () -> {
      filters.lower(id(request.getFilter()));
      return FilterLowerOrderResponse.getDefaultInstance();
    });
  }

  @Override
  public void orderFirst(FilterOrderFirstRequest request,
      StreamObserver<FilterOrderFirstResponse> observer) {
    Calls.answer(observer, () -> {
      filters.first(id(request.getFilter()));
      return FilterOrderFirstResponse.getDefaultInstance();
    });
  }

  @Override
  public void orderLast(FilterOrderLastRequest request,
      StreamObserver<FilterOrderLastResponse> observer) {
    Calls.answer(observer, () -> {
      filters.last(id(request.getFilter()));
      return FilterOrderLastResponse.getDefaultInstance();
    });
  }

  @Override
  public void delete(FilterDeleteRequest request, StreamObserver<FilterDeleteResponse> observer) {
    Calls.answer(observer, () -> {
      filters.delete(id(request.getFilter()));
      return FilterDeleteResponse.getDefaultInstance();
    });
  }

  @Override
  public void getMatchers(FilterGetMatchersRequest request,
      StreamObserver<FilterGetMatchersResponse> observer) {
    Calls.answer(observer, () -> {
      MatcherSeq.Builder matchers = MatcherSeq.newBuilder();
      filters.matchers(id(request.getFilter()))
          .forEach(matcher -> matchers.addMatchers(matcher(matcher)));
      return FilterGetMatchersResponse.newBuilder().setMatchers(matchers).build();
    });
  }

  @Override
  public void getActions(FilterGetActionsRequest request,
      StreamObserver<FilterGetActionsResponse> observer) {
    Calls.answer(observer, () -> {
      ActionSeq.Builder actions = ActionSeq.newBuilder();
      filters.actions(id(request.getFilter()))
          .forEach(action -> actions.addActions(action(action)));
      return FilterGetActionsResponse.newBuilder().setActions(actions).build();
    });
  }

  @Override
  public void createMatcher(FilterCreateMatcherRequest request,
      StreamObserver<FilterCreateMatcherResponse> observer) {
    Calls.answer(observer, () -> {
      Matcher data = request.getData();
      return FilterCreateMatcherResponse.newBuilder()
          .setMatcher(matcher(filters.createMatcher(id(request.getFilter()), "data",
              data.getSubject(), data.getType(), data.getInput())))
          .build();
    });
  }

  /** Actions the embedded farm cannot carry out are refused with a 400 that names them. */
  @Override
  public void createAction(FilterCreateActionRequest request,
      StreamObserver<FilterCreateActionResponse> observer) {
    Calls.answer(observer, () -> FilterCreateActionResponse.newBuilder()
        .setAction(action(filters.createAction(id(request.getFilter()), "data",
            value(request.getData()))))
        .build());
  }

  /** Applies the filter to the jobs now, whether it is enabled or not. */
  @Override
  public void runFilterOnJobs(FilterRunFilterOnJobsRequest request,
      StreamObserver<FilterRunFilterOnJobsResponse> observer) {
    Calls.answer(observer, () -> {
      String filter = id(request.getFilter());
      List<String> jobs = request.getJobs().getJobsList().stream()
          .map(job -> Calls.jobId(store, job))
          .toList();
      filters.runOnJobs(filter, jobs);
      return FilterRunFilterOnJobsResponse.getDefaultInstance();
    });
  }

  /** Applies the filter to the pending jobs of the group. */
  @Override
  public void runFilterOnGroup(FilterRunFilterOnGroupRequest request,
      StreamObserver<FilterRunFilterOnGroupResponse> observer) {
    Calls.answer(observer, () -> {
      filters.runOnGroup(id(request.getFilter()),
          RequiredIds.of("group.id", request.getGroup().getId()));
      return FilterRunFilterOnGroupResponse.getDefaultInstance();
    });
  }

  private static String id(Filter filter) {
    return RequiredIds.of("filter.id", filter.getId());
  }

  static FilterStore.ActionValue value(Action action) {
    return new FilterStore.ActionValue(action.getType(), action.getGroupValue(),
        action.getIntegerValue(), action.getFloatValue(), action.getBooleanValue());
  }

  static Filter filter(FilterRow filter) {
    return Filter.newBuilder()
        .setId(filter.id())
        .setName(filter.name())
        .setType(filter.type())
        .setOrder(filter.order())
        .setEnabled(filter.enabled())
        .build();
  }

  static Matcher matcher(MatcherRow matcher) {
    return Matcher.newBuilder()
        .setId(matcher.id())
        .setSubject(matcher.subject())
        .setType(matcher.type())
        .setInput(matcher.input())
        .build();
  }

  /** The action with the value its type carries, as Cuebot gives it. */
  static Action action(ActionRow action) {
    Action.Builder builder = Action.newBuilder().setId(action.id()).setType(action.type());
    return switch (action.type()) {
      case MOVE_JOB_TO_GROUP -> builder.setValueType(ActionValueType.GROUP_TYPE)
          .setGroupValue(action.groupId()).build();
      case SET_JOB_PRIORITY -> builder.setValueType(ActionValueType.INTEGER_TYPE)
          .setIntegerValue(action.value()).build();
      case SET_JOB_MAX_CORES -> builder.setValueType(ActionValueType.FLOAT_TYPE)
          .setFloatValue(action.value()).build();
      case PAUSE_JOB -> builder.setValueType(ActionValueType.BOOLEAN_TYPE)
          .setBooleanValue(action.value() != 0).build();
      default -> builder.setValueType(ActionValueType.NONE_TYPE).build();
    };
  }
}
