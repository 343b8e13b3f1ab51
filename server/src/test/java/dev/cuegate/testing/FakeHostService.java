package dev.cuegate.testing;

import static dev.cuegate.testing.Replies.reply;

import dev.cuegate.proto.comment.CommentSeq;
import dev.cuegate.proto.host.Deed;
import dev.cuegate.proto.host.Host;
import dev.cuegate.proto.host.HostAddCommentRequest;
import dev.cuegate.proto.host.HostAddCommentResponse;
import dev.cuegate.proto.host.HostAddTagsRequest;
import dev.cuegate.proto.host.HostAddTagsResponse;
import dev.cuegate.proto.host.HostFindHostRequest;
import dev.cuegate.proto.host.HostFindHostResponse;
import dev.cuegate.proto.host.HostGetCommentsRequest;
import dev.cuegate.proto.host.HostGetCommentsResponse;
import dev.cuegate.proto.host.HostGetDeedRequest;
import dev.cuegate.proto.host.HostGetDeedResponse;
import dev.cuegate.proto.host.HostGetHostRequest;
import dev.cuegate.proto.host.HostGetHostResponse;
import dev.cuegate.proto.host.HostGetHostsRequest;
import dev.cuegate.proto.host.HostGetHostsResponse;
import dev.cuegate.proto.host.HostGetOwnerRequest;
import dev.cuegate.proto.host.HostGetOwnerResponse;
import dev.cuegate.proto.host.HostGetProcsRequest;
import dev.cuegate.proto.host.HostGetProcsResponse;
import dev.cuegate.proto.host.HostInterfaceGrpc;
import dev.cuegate.proto.host.HostLockRequest;
import dev.cuegate.proto.host.HostLockResponse;
import dev.cuegate.proto.host.HostRemoveTagsRequest;
import dev.cuegate.proto.host.HostRemoveTagsResponse;
import dev.cuegate.proto.host.HostSearchCriteria;
import dev.cuegate.proto.host.HostSeq;
import dev.cuegate.proto.host.HostSetHardwareStateRequest;
import dev.cuegate.proto.host.HostSetHardwareStateResponse;
import dev.cuegate.proto.host.HostUnlockRequest;
import dev.cuegate.proto.host.HostUnlockResponse;
import dev.cuegate.proto.host.LockState;
import dev.cuegate.proto.host.Owner;
import dev.cuegate.proto.host.ProcSeq;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The fake's {@code host.HostInterface}. */
final class FakeHostService extends HostInterfaceGrpc.HostInterfaceImplBase {

  private final FarmState farm;

  FakeHostService(FarmState farm) {
    this.farm = farm;
  }

  private String hostId(Host ref) {
    return farm.host(ref).getId();
  }

  @Override
  public void getHosts(HostGetHostsRequest request, StreamObserver<HostGetHostsResponse> out) {
    HostSearchCriteria r = request.getR();
    List<Pattern> regex;
    try {
      regex = r.getRegexList().stream().map(Pattern::compile).toList();
    } catch (PatternSyntaxException e) {
      throw FarmState.invalid("invalid regular expression: " + e.getPattern());
    }
    List<Host> hosts =
        farm.hosts().stream()
            .filter(h -> r.getHostsCount() == 0 || r.getHostsList().contains(h.getName()))
            .filter(h -> r.getIdsCount() == 0 || r.getIdsList().contains(h.getId()))
            .filter(h -> r.getAllocsCount() == 0 || r.getAllocsList().contains(h.getAllocName()))
            .filter(
                h ->
                    r.getSubstrCount() == 0
                        || r.getSubstrList().stream().anyMatch(h.getName()::contains))
            .filter(
                h -> regex.isEmpty() || regex.stream().anyMatch(p -> p.matcher(h.getName()).find()))
            .filter(
                h ->
                    r.getStates().getStateCount() == 0
                        || r.getStates().getStateList().contains(h.getState()))
            .filter(
                h ->
                    r.getLockStates().getStateCount() == 0
                        || r.getLockStates().getStateList().contains(h.getLockState()))
            .toList();
    reply(
        out,
        HostGetHostsResponse.newBuilder()
            .setHosts(HostSeq.newBuilder().addAllHosts(hosts))
            .build());
  }

  @Override
  public void findHost(HostFindHostRequest request, StreamObserver<HostFindHostResponse> out) {
    reply(out, HostFindHostResponse.newBuilder().setHost(farm.findHost(request.getName())).build());
  }

  @Override
  public void getHost(HostGetHostRequest request, StreamObserver<HostGetHostResponse> out) {
    reply(out, HostGetHostResponse.newBuilder().setHost(farm.host(request.getId())).build());
  }

  @Override
  public void lock(HostLockRequest request, StreamObserver<HostLockResponse> out) {
    farm.updateHost(hostId(request.getHost()), h -> h.setLockState(LockState.LOCKED));
    reply(out, HostLockResponse.getDefaultInstance());
  }

  @Override
  public void unlock(HostUnlockRequest request, StreamObserver<HostUnlockResponse> out) {
    farm.updateHost(hostId(request.getHost()), h -> h.setLockState(LockState.OPEN));
    reply(out, HostUnlockResponse.getDefaultInstance());
  }

  @Override
  public void getProcs(HostGetProcsRequest request, StreamObserver<HostGetProcsResponse> out) {
    ProcSeq procs = ProcSeq.newBuilder().addAllProcs(farm.procs(hostId(request.getHost()))).build();
    reply(out, HostGetProcsResponse.newBuilder().setProcs(procs).build());
  }

  @Override
  public void getComments(
      HostGetCommentsRequest request, StreamObserver<HostGetCommentsResponse> out) {
    CommentSeq comments =
        CommentSeq.newBuilder().addAllComments(farm.comments(hostId(request.getHost()))).build();
    reply(out, HostGetCommentsResponse.newBuilder().setComments(comments).build());
  }

  @Override
  public void addComment(
      HostAddCommentRequest request, StreamObserver<HostAddCommentResponse> out) {
    farm.addComment(hostId(request.getHost()), request.getNewComment());
    reply(out, HostAddCommentResponse.getDefaultInstance());
  }

  @Override
  public void getOwner(HostGetOwnerRequest request, StreamObserver<HostGetOwnerResponse> out) {
    Deed deed = deedOf(farm.host(request.getHost()));
    Owner owner = farm.owner(Owner.newBuilder().setName(deed.getOwner()).build());
    reply(out, HostGetOwnerResponse.newBuilder().setOwner(owner).build());
  }

  @Override
  public void getDeed(HostGetDeedRequest request, StreamObserver<HostGetDeedResponse> out) {
    reply(
        out,
        HostGetDeedResponse.newBuilder().setDeed(deedOf(farm.host(request.getHost()))).build());
  }

  private Deed deedOf(Host host) {
    return farm.deeds(d -> d.getHost().equals(host.getName())).stream()
        .findFirst()
        .orElseThrow(FarmState::noRow);
  }

  @Override
  public void setHardwareState(
      HostSetHardwareStateRequest request, StreamObserver<HostSetHardwareStateResponse> out) {
    farm.updateHost(hostId(request.getHost()), h -> h.setState(request.getState()));
    reply(out, HostSetHardwareStateResponse.getDefaultInstance());
  }

  @Override
  public void addTags(HostAddTagsRequest request, StreamObserver<HostAddTagsResponse> out) {
    farm.updateHost(
        hostId(request.getHost()),
        h -> {
          request.getTagsList().stream()
              .filter(t -> !h.getTagsList().contains(t))
              .forEach(h::addTags);
          return h;
        });
    reply(out, HostAddTagsResponse.getDefaultInstance());
  }

  @Override
  public void removeTags(
      HostRemoveTagsRequest request, StreamObserver<HostRemoveTagsResponse> out) {
    farm.updateHost(
        hostId(request.getHost()),
        h -> {
          List<String> kept =
              h.getTagsList().stream().filter(t -> !request.getTagsList().contains(t)).toList();
          return h.clearTags().addAllTags(kept);
        });
    reply(out, HostRemoveTagsResponse.getDefaultInstance());
  }
}
