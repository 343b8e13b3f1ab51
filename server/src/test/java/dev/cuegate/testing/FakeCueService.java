package dev.cuegate.testing;

import static dev.cuegate.testing.Replies.reply;

import dev.cuegate.proto.cue.CueGetSystemStatsRequest;
import dev.cuegate.proto.cue.CueGetSystemStatsResponse;
import dev.cuegate.proto.cue.CueInterfaceGrpc;
import dev.cuegate.proto.cue.SystemStats;
import dev.cuegate.proto.host.Proc;
import io.grpc.stub.StreamObserver;

/** The fake's {@code cue.CueInterface}: Cuebot's own thread-pool and booking counters. */
final class FakeCueService extends CueInterfaceGrpc.CueInterfaceImplBase {

  private final FarmState farm;

  FakeCueService(FarmState farm) {
    this.farm = farm;
  }

  @Override
  public void getSystemStats(
      CueGetSystemStatsRequest request, StreamObserver<CueGetSystemStatsResponse> out) {
    double reservedCores = farm.procs().stream().mapToDouble(Proc::getReservedCores).sum();
    SystemStats stats =
        SystemStats.newBuilder()
            .setManageThreads(8)
            .setManageRemainingCapacity(1_000)
            .setManageExecuted(1_204_331L)
            .setDispatchThreads(6)
            .setDispatchRemainingCapacity(1_000)
            .setDispatchExecuted(38_410_226L)
            .setReportThreads(8)
            .setReportRemainingCapacity(1_000)
            .setReportExecuted(92_114_507L)
            .setBookingThreads(6)
            .setBookingRemainingCapacity(1_000)
            .setBookingSleepMillis(250)
            .setBookingExecuted(5_120_884_913L)
            .setBookedProcs(7_735_102L + farm.procs().size())
            .setPickedUpCores((long) reservedCores)
            .setReqForData(401_288_017L)
            .setReqForFunction(12_933_406L)
            .build();
    reply(out, CueGetSystemStatsResponse.newBuilder().setStats(stats).build());
  }
}
