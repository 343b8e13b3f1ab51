package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.FilterStore;
import dev.cuegate.proto.filter.Matcher;
import dev.cuegate.proto.filter.MatcherCommitRequest;
import dev.cuegate.proto.filter.MatcherCommitResponse;
import dev.cuegate.proto.filter.MatcherDeleteRequest;
import dev.cuegate.proto.filter.MatcherDeleteResponse;
import dev.cuegate.proto.filter.MatcherGetParentFilterRequest;
import dev.cuegate.proto.filter.MatcherGetParentFilterResponse;
import dev.cuegate.proto.filter.MatcherInterfaceGrpc;
import io.grpc.stub.StreamObserver;

/** {@code filter.MatcherInterface}: editing and deleting one matcher of a filter. */
final class MatcherService extends MatcherInterfaceGrpc.MatcherInterfaceImplBase {
  private final FilterStore filters;

  MatcherService(FarmStore store) {
    this.filters = new FilterStore(store);
  }

  /** Stores the matcher's subject, type and input as given. */
  @Override
  public void commit(MatcherCommitRequest request,
      StreamObserver<MatcherCommitResponse> observer) {
    Calls.answer(observer, () -> {
      Matcher matcher = request.getMatcher();
      filters.commitMatcher(id(matcher), "matcher", matcher.getSubject(), matcher.getType(),
          matcher.getInput());
      return MatcherCommitResponse.getDefaultInstance();
    });
  }

  @Override
  public void delete(MatcherDeleteRequest request,
      StreamObserver<MatcherDeleteResponse> observer) {
    Calls.answer(observer, () -> {
      filters.deleteMatcher(id(request.getMatcher()));
      return MatcherDeleteResponse.getDefaultInstance();
    });
  }

  @Override
  public void getParentFilter(MatcherGetParentFilterRequest request,
      StreamObserver<MatcherGetParentFilterResponse> observer) {
    Calls.answer(observer, () -> MatcherGetParentFilterResponse.newBuilder()
        .setFilter(FilterService.filter(filters.matcherFilter(id(request.getMatcher()))))
        .build());
  }

  private static String id(Matcher matcher) {
    return RequiredIds.of("matcher.id", matcher.getId());
  }
}
