package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmException;
import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.HostRow;
import dev.cuegate.proto.host.HardwareState;
import dev.cuegate.proto.host.Host;
import dev.cuegate.proto.host.HostFindHostRequest;
import dev.cuegate.proto.host.HostFindHostResponse;
import dev.cuegate.proto.host.HostGetHostRequest;
import dev.cuegate.proto.host.HostGetHostResponse;
import dev.cuegate.proto.host.HostGetHostsRequest;
import dev.cuegate.proto.host.HostGetHostsResponse;
import dev.cuegate.proto.host.HostInterfaceGrpc;
import dev.cuegate.proto.host.HostLockRequest;
import dev.cuegate.proto.host.HostLockResponse;
import dev.cuegate.proto.host.HostSearchCriteria;
import dev.cuegate.proto.host.HostSeq;
import dev.cuegate.proto.host.HostUnlockRequest;
import dev.cuegate.proto.host.HostUnlockResponse;
import dev.cuegate.proto.host.LockState;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code host.HostInterface}: the HTTP workers are the farm's hosts. Locking a host asks its
 * worker to fall asleep once its task is done (running work continues, as in OpenCue); unlocking
 * wakes it up.
 */
final class HostService extends HostInterfaceGrpc.HostInterfaceImplBase {
  /** The allocation every host of the embedded farm is in, as in a fresh OpenCue. */
  private static final String ALLOCATION = "local.general";
  private static final Set<String> UP = Set.of("awake", "asleep", "starting");
  private static final String ASLEEP = "asleep";

  private final FarmStore store;

  HostService(FarmStore store) {
    this.store = store;
  }

  @Override
  public void getHosts(HostGetHostsRequest request, StreamObserver<HostGetHostsResponse> observer) {
    Calls.answer(observer, () -> {
      Predicate<Host> matches = criteria(request.getR());
      List<Host> hosts = store.hosts().stream().map(HostService::host).filter(matches).toList();
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
      store.requestHostStatus(host.id(), ASLEEP, true);
      return HostLockResponse.getDefaultInstance();
    });
  }

  @Override
  public void unlock(HostUnlockRequest request, StreamObserver<HostUnlockResponse> observer) {
    Calls.answer(observer, () -> {
      HostRow host = named(request.getHost());
      // An awake worker with a pending lock only needs the request withdrawn.
      if (host.status().equals(ASLEEP)) {
        store.requestHostStatus(host.id(), "awake", false);
      } else {
        store.requestHostStatus(host.id(), "", false);
      }
      return HostUnlockResponse.getDefaultInstance();
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
    return store.hosts().stream()
        .filter(which)
        .findFirst()
        .orElseThrow(() -> new FarmException(FarmException.Kind.NOT_FOUND, missing));
  }

  private static Host host(HostRow row) {
    boolean idle = row.activeTasks() == 0;
    long memoryKib = row.memoryMb() * 1024;
    boolean locked = row.status().equals(ASLEEP) || row.statusRequested().equals(ASLEEP);
    return Host.newBuilder()
        .setId(row.id())
        .setName(row.name())
        .setAllocName(ALLOCATION)
        .setCores(row.cores())
        .setIdleCores(idle ? row.cores() : 0)
        .setMemory(memoryKib)
        .setIdleMemory(idle ? memoryKib : 0)
        .setTotalMemory(memoryKib)
        .setFreeMemory(memoryKib)
        .setBootTime((int) (row.registered() / 1000))
        .setPingTime((int) (row.lastActivity() / 1000))
        .setOs(row.platform())
        .addAllTags(row.taskTypes())
        .setState(UP.contains(row.status()) ? HardwareState.UP : HardwareState.DOWN)
        .setLockState(locked ? LockState.LOCKED : LockState.OPEN)
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
