package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmException;
import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.FarmTransaction;
import dev.cuegate.farm.store.HostDirectory;
import dev.cuegate.farm.store.HostRow;
import dev.cuegate.proto.comment.CommentSeq;
import dev.cuegate.proto.host.Host;
import dev.cuegate.proto.host.HostAddCommentRequest;
import dev.cuegate.proto.host.HostAddCommentResponse;
import dev.cuegate.proto.host.HostAddTagsRequest;
import dev.cuegate.proto.host.HostAddTagsResponse;
import dev.cuegate.proto.host.HostDeleteRequest;
import dev.cuegate.proto.host.HostDeleteResponse;
import dev.cuegate.proto.host.HostFindHostRequest;
import dev.cuegate.proto.host.HostFindHostResponse;
import dev.cuegate.proto.host.HostGetHostRequest;
import dev.cuegate.proto.host.HostGetHostResponse;
import dev.cuegate.proto.host.HostGetHostsRequest;
import dev.cuegate.proto.host.HostGetHostsResponse;
import dev.cuegate.proto.host.HostGetCommentsRequest;
import dev.cuegate.proto.host.HostGetCommentsResponse;
import dev.cuegate.proto.host.HostGetProcsRequest;
import dev.cuegate.proto.host.HostGetProcsResponse;
import dev.cuegate.proto.host.HostInterfaceGrpc;
import dev.cuegate.proto.host.HostLockRequest;
import dev.cuegate.proto.host.HostLockResponse;
import dev.cuegate.proto.host.HostRebootRequest;
import dev.cuegate.proto.host.HostRebootResponse;
import dev.cuegate.proto.host.HostRebootWhenIdleRequest;
import dev.cuegate.proto.host.HostRebootWhenIdleResponse;
import dev.cuegate.proto.host.HostRemoveTagsRequest;
import dev.cuegate.proto.host.HostRemoveTagsResponse;
import dev.cuegate.proto.host.HostRenameTagRequest;
import dev.cuegate.proto.host.HostRenameTagResponse;
import dev.cuegate.proto.host.HostSearchCriteria;
import dev.cuegate.proto.host.HostSeq;
import dev.cuegate.proto.host.HostSetAllocationRequest;
import dev.cuegate.proto.host.HostSetAllocationResponse;
import dev.cuegate.proto.host.HostSetHardwareStateRequest;
import dev.cuegate.proto.host.HostSetHardwareStateResponse;
import dev.cuegate.proto.host.HostUnlockRequest;
import dev.cuegate.proto.host.HostUnlockResponse;
import dev.cuegate.proto.host.LockState;
import dev.cuegate.proto.host.ProcSeq;
import io.grpc.stub.StreamObserver;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code host.HostInterface}: the farm's hosts, as the {@link HostDirectory} keeps them (the HTTP
 * workers). Locking a host lets its running work finish, as in OpenCue; {@link HostActions} does
 * the rest of what operators do to hosts.
 */
final class HostService extends HostInterfaceGrpc.HostInterfaceImplBase {
  private final FarmStore store;
  private final HostDirectory directory;
  private final HostActions actions;

  HostService(FarmStore store, HostDirectory directory) {
    this.store = store;
    this.directory = directory;
    this.actions = new HostActions(store, directory, Clock.systemUTC());
  }

  @Override
  public void getHosts(HostGetHostsRequest request, StreamObserver<HostGetHostsResponse> observer) {
    Calls.answer(observer, () -> {
      Predicate<Host> matches = criteria(request.getR());
      List<Host> hosts = hosts().stream().map(HostService::host).filter(matches).toList();
      return HostGetHostsResponse.newBuilder()
          .setHosts(HostSeq.newBuilder().addAllHosts(hosts))
          .build();
    });
  }

  @Override
  public void findHost(HostFindHostRequest request, StreamObserver<HostFindHostResponse> observer) {
    Calls.answer(observer, () -> HostFindHostResponse.newBuilder()
        .setHost(host(find(row -> row.name().equals(request.getName()),
            "host \"" + request.getName() + "\" does not exist")))
        .build());
  }

  @Override
  public void getHost(HostGetHostRequest request, StreamObserver<HostGetHostResponse> observer) {
    Calls.answer(observer, () -> HostGetHostResponse.newBuilder()
        .setHost(host(byId(request.getId())))
        .build());
  }

  @Override
  public void lock(HostLockRequest request, StreamObserver<HostLockResponse> observer) {
    Calls.answer(observer, () -> {
      HostRow host = named(request.getHost());
      change(host, directory::lock);
      return HostLockResponse.getDefaultInstance();
    });
  }

  @Override
  public void unlock(HostUnlockRequest request, StreamObserver<HostUnlockResponse> observer) {
    Calls.answer(observer, () -> {
      HostRow host = named(request.getHost());
      change(host, directory::unlock);
      return HostUnlockResponse.getDefaultInstance();
    });
  }

  @Override
  public void getProcs(HostGetProcsRequest request,
      StreamObserver<HostGetProcsResponse> observer) {
    Calls.answer(observer, () -> {
      String hostId = named(request.getHost()).id();
      return HostGetProcsResponse.newBuilder()
          .setProcs(ProcSeq.newBuilder().addAllProcs(store.transaction(tx ->
              LocalFacility.procs(tx, directory.hosts(tx).stream()
                  .filter(host -> host.id().equals(hostId)).toList()))))
          .build();
    });
  }

  @Override
  public void getComments(HostGetCommentsRequest request,
      StreamObserver<HostGetCommentsResponse> observer) {
    Calls.answer(observer, () -> {
      CommentSeq.Builder comments = CommentSeq.newBuilder();
      actions.comments(request.getHost()).forEach(row -> comments.addComments(Protos.comment(row)));
      return HostGetCommentsResponse.newBuilder().setComments(comments).build();
    });
  }

  @Override
  public void addComment(HostAddCommentRequest request,
      StreamObserver<HostAddCommentResponse> observer) {
    Calls.answer(observer, () -> {
      actions.addComment(request.getHost(), request.getNewComment());
      return HostAddCommentResponse.getDefaultInstance();
    });
  }

  @Override
  public void addTags(HostAddTagsRequest request, StreamObserver<HostAddTagsResponse> observer) {
    Calls.answer(observer, () -> {
      actions.addTags(request.getHost(), request.getTagsList());
      return HostAddTagsResponse.getDefaultInstance();
    });
  }

  @Override
  public void removeTags(HostRemoveTagsRequest request,
      StreamObserver<HostRemoveTagsResponse> observer) {
    Calls.answer(observer, () -> {
      actions.removeTags(request.getHost(), request.getTagsList());
      return HostRemoveTagsResponse.getDefaultInstance();
    });
  }

  @Override
  public void renameTag(HostRenameTagRequest request,
      StreamObserver<HostRenameTagResponse> observer) {
    Calls.answer(observer, () -> {
      actions.renameTag(request.getHost(), request.getOldTag(), request.getNewTag());
      return HostRenameTagResponse.getDefaultInstance();
    });
  }

  @Override
  public void setHardwareState(HostSetHardwareStateRequest request,
      StreamObserver<HostSetHardwareStateResponse> observer) {
    Calls.answer(observer, () -> {
      actions.setHardwareState(request.getHost(), request.getState());
      return HostSetHardwareStateResponse.getDefaultInstance();
    });
  }

  @Override
  public void reboot(HostRebootRequest request, StreamObserver<HostRebootResponse> observer) {
    Calls.answer(observer, () -> {
      actions.reboot(request.getHost(), false);
      return HostRebootResponse.getDefaultInstance();
    });
  }

  @Override
  public void rebootWhenIdle(HostRebootWhenIdleRequest request,
      StreamObserver<HostRebootWhenIdleResponse> observer) {
    Calls.answer(observer, () -> {
      actions.reboot(request.getHost(), true);
      return HostRebootWhenIdleResponse.getDefaultInstance();
    });
  }

  @Override
  public void delete(HostDeleteRequest request, StreamObserver<HostDeleteResponse> observer) {
    Calls.answer(observer, () -> {
      actions.delete(request.getHost());
      return HostDeleteResponse.getDefaultInstance();
    });
  }

  @Override
  public void setAllocation(HostSetAllocationRequest request,
      StreamObserver<HostSetAllocationResponse> observer) {
    Calls.answer(observer, () -> {
      actions.setAllocation(request.getHost(), request.getAllocationId());
      return HostSetAllocationResponse.getDefaultInstance();
    });
  }

  /** Cuebot's clients name a host by id; a name alone is accepted too. */
  private HostRow named(Host host) {
    if (!host.getId().isEmpty()) {
      return byId(host.getId());
    }
    if (!host.getName().isEmpty()) {
      return find(row -> row.name().equals(host.getName()),
          "host \"" + host.getName() + "\" does not exist");
    }
    throw new FarmException(FarmException.Kind.INVALID_ARGUMENT, "host: give its id or name");
  }

  private HostRow byId(String id) {
    return find(row -> row.id().equals(id), "host " + id + " does not exist");
  }

  private HostRow find(Predicate<HostRow> which, String missing) {
    return hosts().stream()
        .filter(which)
        .findFirst()
        .orElseThrow(() -> new FarmException(FarmException.Kind.NOT_FOUND, missing));
  }

  private List<HostRow> hosts() {
    return store.transaction(directory::hosts);
  }

  /** A lock or unlock; a host that vanished since it was looked up is not found either. */
  private void change(HostRow host, Change change) {
    if (!store.transaction(tx -> change.apply(tx, host.id()))) {
      throw new FarmException(FarmException.Kind.NOT_FOUND, "host " + host.id()
          + " does not exist");
    }
  }

  /** {@link HostDirectory#lock} or {@link HostDirectory#unlock}. */
  @FunctionalInterface
  private interface Change {
    boolean apply(FarmTransaction tx, String hostId) throws SQLException;
  }

  private static Host host(HostRow row) {
    boolean idle = row.activeTasks() == 0;
    long memoryKib = row.memoryMb() * 1024;
    return Host.newBuilder()
        .setId(row.id())
        .setName(row.name())
        .setAllocName(LocalFacility.ALLOCATION)
        .setCores(row.cores())
        .setIdleCores(idle ? row.cores() : 0)
        .setMemory(memoryKib)
        .setIdleMemory(idle ? memoryKib : 0)
        .setTotalMemory(memoryKib)
        .setFreeMemory(memoryKib)
        .setBootTime((int) (row.registered() / 1000))
        .setPingTime((int) (row.lastActivity() / 1000))
        .setOs(row.platform())
        .addAllTags(row.tags())
        .setState(row.state())
        .setLockState(row.locked() ? LockState.LOCKED : LockState.OPEN)
        .build();
  }

  /** Every criterion that is given must match, and any of its entries may. */
  private static Predicate<Host> criteria(HostSearchCriteria r) {
    List<Pattern> regex;
    try {
      regex = r.getRegexList().stream().map(Pattern::compile).toList();
    } catch (PatternSyntaxException e) {
      throw new FarmException(FarmException.Kind.INVALID_ARGUMENT,
          "r.regex: not a regular expression: " + e.getMessage());
    }
    return host -> (r.getHostsCount() == 0 || r.getHostsList().contains(host.getName()))
        && (regex.isEmpty() || regex.stream().anyMatch(p -> p.matcher(host.getName()).find()))
        && (r.getSubstrCount() == 0
            || r.getSubstrList().stream().anyMatch(host.getName()::contains))
        && (r.getIdsCount() == 0 || r.getIdsList().contains(host.getId()))
        && (r.getAllocsCount() == 0 || r.getAllocsList().contains(host.getAllocName()))
        && (r.getStates().getStateCount() == 0
            || r.getStates().getStateList().contains(host.getState()))
        && (r.getLockStates().getStateCount() == 0
            || r.getLockStates().getStateList().contains(host.getLockState()));
  }
}
