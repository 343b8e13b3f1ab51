package dev.cuegate.farm.service;

import dev.cuegate.proto.cue.CueGetSystemStatsRequest;
import dev.cuegate.proto.cue.CueGetSystemStatsResponse;
import dev.cuegate.proto.cue.CueInterfaceGrpc;
import dev.cuegate.proto.cue.SystemStats;
import io.grpc.stub.StreamObserver;

/**
 * {@code cue.CueInterface}: the system stats describe Cuebot's thread pools, which the embedded
 * farm does not have, so every counter is zero.
 */
final class CueService extends CueInterfaceGrpc.CueInterfaceImplBase {

  @Override
  public void getSystemStats(CueGetSystemStatsRequest request,
      StreamObserver<CueGetSystemStatsResponse> observer) {
    Calls.answer(observer, () -> CueGetSystemStatsResponse.newBuilder()
        .setStats(SystemStats.getDefaultInstance()).build());
  }
}
