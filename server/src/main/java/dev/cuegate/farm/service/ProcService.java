package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.HostDirectory;
import dev.cuegate.proto.host.Proc;
import dev.cuegate.proto.host.ProcGetProcsRequest;
import dev.cuegate.proto.host.ProcGetProcsResponse;
import dev.cuegate.proto.host.ProcInterfaceGrpc;
import dev.cuegate.proto.host.ProcSearchCriteria;
import dev.cuegate.proto.host.ProcSeq;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.function.Predicate;

/** {@code host.ProcInterface}: the frames running now, one proc each. */
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
