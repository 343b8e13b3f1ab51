package dev.cuegate.testing;

import static dev.cuegate.testing.Replies.reply;

import dev.cuegate.proto.host.Host;
import dev.cuegate.proto.host.Proc;
import dev.cuegate.proto.host.ProcGetFrameRequest;
import dev.cuegate.proto.host.ProcGetFrameResponse;
import dev.cuegate.proto.host.ProcGetHostRequest;
import dev.cuegate.proto.host.ProcGetHostResponse;
import dev.cuegate.proto.host.ProcGetJobRequest;
import dev.cuegate.proto.host.ProcGetJobResponse;
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
import java.util.List;

/** The fake's {@code host.ProcInterface}. */
final class FakeProcService extends ProcInterfaceGrpc.ProcInterfaceImplBase {

  private final FarmState farm;

  FakeProcService(FarmState farm) {
    this.farm = farm;
  }

  private List<Proc> search(ProcSearchCriteria r) {
    return farm.procs().stream()
        .filter(p -> r.getHostsCount() == 0 || r.getHostsList().contains(hostName(p)))
        .filter(p -> r.getJobsCount() == 0 || r.getJobsList().contains(p.getJobName()))
        .filter(p -> r.getShowsCount() == 0 || r.getShowsList().contains(p.getShowName()))
        .filter(
            p ->
                r.getLayersCount() == 0
                    || r.getLayersList().contains(farm.frameOfProc(p.getId()).getLayerName()))
        .toList();
  }

  private String hostName(Proc proc) {
    return farm.host(farm.hostIdOfProc(proc.getId())).getName();
  }

  @Override
  public void getProcs(ProcGetProcsRequest request, StreamObserver<ProcGetProcsResponse> out) {
    ProcSeq procs = ProcSeq.newBuilder().addAllProcs(search(request.getR())).build();
    reply(out, ProcGetProcsResponse.newBuilder().setProcs(procs).build());
  }

  @Override
  public void kill(ProcKillRequest request, StreamObserver<ProcKillResponse> out) {
    farm.releaseProc(farm.proc(request.getProc().getId()).getId());
    reply(out, ProcKillResponse.getDefaultInstance());
  }

  @Override
  public void unbook(ProcUnbookRequest request, StreamObserver<ProcUnbookResponse> out) {
    String procId = farm.proc(request.getProc().getId()).getId();
    // Without kill, Cuebot lets the frame finish and only stops booking the proc again.
    if (request.getKill()) {
      farm.releaseProc(procId);
    }
    reply(out, ProcUnbookResponse.getDefaultInstance());
  }

  @Override
  public void unbookProcs(
      ProcUnbookProcsRequest request, StreamObserver<ProcUnbookProcsResponse> out) {
    List<Proc> procs = search(request.getR());
    if (request.getKill()) {
      procs.forEach(p -> farm.releaseProc(p.getId()));
    }
    reply(out, ProcUnbookProcsResponse.newBuilder().setNumProcs(procs.size()).build());
  }

  @Override
  public void getHost(ProcGetHostRequest request, StreamObserver<ProcGetHostResponse> out) {
    Host host = farm.host(farm.hostIdOfProc(request.getProc().getId()));
    reply(out, ProcGetHostResponse.newBuilder().setHost(host).build());
  }

  @Override
  public void getFrame(ProcGetFrameRequest request, StreamObserver<ProcGetFrameResponse> out) {
    reply(
        out,
        ProcGetFrameResponse.newBuilder()
            .setFrame(farm.frameOfProc(request.getProc().getId()))
            .build());
  }

  @Override
  public void getJob(ProcGetJobRequest request, StreamObserver<ProcGetJobResponse> out) {
    String frameId = farm.frameOfProc(request.getProc().getId()).getId();
    reply(
        out, ProcGetJobResponse.newBuilder().setJob(farm.job(farm.jobIdOfFrame(frameId))).build());
  }
}
