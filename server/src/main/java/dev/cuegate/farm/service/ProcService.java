package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmException;
import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.FarmTransaction;
import dev.cuegate.farm.store.HostDirectory;
import dev.cuegate.proto.host.Proc;
import dev.cuegate.proto.host.ProcGetProcsRequest;
import dev.cuegate.proto.host.ProcGetProcsResponse;
import dev.cuegate.proto.host.ProcInterfaceGrpc;
import dev.cuegate.proto.host.ProcKillRequest;
import dev.cuegate.proto.host.ProcKillResponse;
import dev.cuegate.proto.host.ProcSearchCriteria;
import dev.cuegate.proto.host.ProcSeq;
import dev.cuegate.proto.host.ProcUnbookProcsRequest;
import dev.cuegate.proto.host.ProcUnbookProcsResponse;
import dev.cuegate.proto.host.ProcUnbookRequest;
import dev.cuegate.proto.host.ProcUnbookResponse;
import io.grpc.stub.StreamObserver;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code host.ProcInterface}: the frames running now, one proc each. Killing a proc sends its
 * frame back to WAITING, as {@code FrameInterface/Kill} does, and its worker stops the task when
 * it next asks {@code may-i-run}.
 */
final class ProcService extends ProcInterfaceGrpc.ProcInterfaceImplBase {
  private final FarmStore store;
  private final HostDirectory hosts;

  ProcService(FarmStore store, HostDirectory hosts) {
    this.store = store;
    this.hosts = hosts;
  }

  @Override
  public void getProcs(ProcGetProcsRequest request,
      StreamObserver<ProcGetProcsResponse> observer) {
    Calls.answer(observer, () -> {
      List<Proc> procs = store.transaction(tx -> LocalFacility.procs(tx, hosts.hosts(tx)));
      return ProcGetProcsResponse.newBuilder()
          .setProcs(ProcSeq.newBuilder()
              .addAllProcs(procs.stream().filter(criteria(request.getR())).toList()))
          .build();
    });
  }

  @Override
  public void kill(ProcKillRequest request, StreamObserver<ProcKillResponse> observer) {
    Calls.answer(observer, () -> {
      store.transaction(tx -> {
        kill(tx, List.of(named(tx, request.getProc())));
        return null;
      });
      return ProcKillResponse.getDefaultInstance();
    });
  }

  /**
   * Without {@code kill}, nothing changes: Cuebot frees an unbooked proc after its frame instead
   * of giving it the next frame of the job, and a worker goes back to the queue after every frame
   * anyway.
   */
  @Override
  public void unbook(ProcUnbookRequest request, StreamObserver<ProcUnbookResponse> observer) {
    Calls.answer(observer, () -> {
      store.transaction(tx -> {
        Proc proc = named(tx, request.getProc());
        if (request.getKill()) {
          kill(tx, List.of(proc));
        }
        return null;
      });
      return ProcUnbookResponse.getDefaultInstance();
    });
  }

  /** Every proc that matches, as {@link #unbook} each; answers how many matched. */
  @Override
  public void unbookProcs(ProcUnbookProcsRequest request,
      StreamObserver<ProcUnbookProcsResponse> observer) {
    Calls.answer(observer, () -> {
      Predicate<Proc> matches = criteria(request.getR());
      int count = store.transaction(tx -> {
        List<Proc> procs = LocalFacility.procs(tx, hosts.hosts(tx)).stream()
            .filter(matches).toList();
        if (request.getKill()) {
          kill(tx, procs);
        }
        return procs.size();
      });
      return ProcUnbookProcsResponse.newBuilder().setNumProcs(count).build();
    });
  }

  /** The proc a request names by id (its frame's id), or else by name. */
  private Proc named(FarmTransaction tx, Proc proc) throws SQLException {
    if (proc.getId().isEmpty() && proc.getName().isEmpty()) {
      throw new FarmException(FarmException.Kind.INVALID_ARGUMENT, "proc: give its id");
    }
    boolean byId = !proc.getId().isEmpty();
    return LocalFacility.procs(tx, hosts.hosts(tx)).stream()
        .filter(running -> byId ? running.getId().equals(proc.getId())
            : running.getName().equals(proc.getName()))
        .findFirst()
        .orElseThrow(() -> new FarmException(FarmException.Kind.NOT_FOUND, "proc "
            + (byId ? proc.getId() : "\"" + proc.getName() + "\"")
            + " does not exist: no frame runs as it"));
  }

  /** The procs' frames go back to WAITING without using a retry. */
  private static void kill(FarmTransaction tx, List<Proc> procs) throws SQLException {
    for (Proc proc : procs) {
      tx.requeueFrame(proc.getId(), host(proc));
    }
  }

  /** The criteria by name; every one that is given must match, and any of its entries may. */
  private static Predicate<Proc> criteria(ProcSearchCriteria r) {
    return proc -> (r.getHostsCount() == 0 || r.getHostsList().contains(host(proc)))
        && (r.getJobsCount() == 0 || r.getJobsList().contains(proc.getJobName()))
        // A frame's name is <number>-<layer>, and layer names have no dash.
        && (r.getLayersCount() == 0 || r.getLayersList().stream()
            .anyMatch(layer -> proc.getFrameName().endsWith("-" + layer)))
        && (r.getShowsCount() == 0 || r.getShowsList().contains(proc.getShowName()))
        && (r.getAllocsCount() == 0 || r.getAllocsList().contains(LocalFacility.ALLOCATION));
  }

  private static String host(Proc proc) {
    return proc.getName().substring(0, proc.getName().lastIndexOf('/'));
  }
}
