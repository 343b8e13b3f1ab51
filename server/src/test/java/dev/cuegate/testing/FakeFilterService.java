package dev.cuegate.testing;

import static dev.cuegate.testing.Replies.reply;

import dev.cuegate.proto.filter.ActionSeq;
import dev.cuegate.proto.filter.FilterFindFilterRequest;
import dev.cuegate.proto.filter.FilterFindFilterResponse;
import dev.cuegate.proto.filter.FilterGetActionsRequest;
import dev.cuegate.proto.filter.FilterGetActionsResponse;
import dev.cuegate.proto.filter.FilterGetMatchersRequest;
import dev.cuegate.proto.filter.FilterGetMatchersResponse;
import dev.cuegate.proto.filter.FilterInterfaceGrpc;
import dev.cuegate.proto.filter.MatcherSeq;
import io.grpc.stub.StreamObserver;

/** The fake's {@code filter.FilterInterface}. */
final class FakeFilterService extends FilterInterfaceGrpc.FilterInterfaceImplBase {

  private final FarmState farm;

  FakeFilterService(FarmState farm) {
    this.farm = farm;
  }

  @Override
  public void findFilter(
      FilterFindFilterRequest request, StreamObserver<FilterFindFilterResponse> out) {
    reply(
        out,
        FilterFindFilterResponse.newBuilder()
            .setFilter(farm.findFilter(request.getShow(), request.getName()))
            .build());
  }

  @Override
  public void getActions(
      FilterGetActionsRequest request, StreamObserver<FilterGetActionsResponse> out) {
    ActionSeq actions =
        ActionSeq.newBuilder().addAllActions(farm.actions(request.getFilter().getId())).build();
    reply(out, FilterGetActionsResponse.newBuilder().setActions(actions).build());
  }

  @Override
  public void getMatchers(
      FilterGetMatchersRequest request, StreamObserver<FilterGetMatchersResponse> out) {
    MatcherSeq matchers =
        MatcherSeq.newBuilder().addAllMatchers(farm.matchers(request.getFilter().getId())).build();
    reply(out, FilterGetMatchersResponse.newBuilder().setMatchers(matchers).build());
  }
}
