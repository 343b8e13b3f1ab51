package dev.cuegate.bridge;

import dev.cuegate.config.GatewayConfig;
import dev.cuegate.proto.host.HardwareState;
import dev.cuegate.proto.report.BootReport;
import dev.cuegate.proto.report.CoreDetail;
import dev.cuegate.proto.report.FrameCompleteReport;
import dev.cuegate.proto.report.HostReport;
import dev.cuegate.proto.report.RenderHost;
import dev.cuegate.proto.rqd.RunFrame;
import java.util.List;

/**
 * The virtual render host as Cuebot sees it, in Cuebot's units: cores in hundredths, memory and
 * temp space in KiB, boot time in epoch seconds.
 */
final class HostShape {
  private static final int CORE_UNITS = 100;
  /** Cuebot keeps this much of a host's memory back, and stops booking below it free. */
  private static final long RESERVED_KIB = 512L * 1024;
  /** Workers' temp space is theirs to manage; zero here would send the host to REPAIR. */
  private static final long TEMP_SPACE_KIB = 100L * 1024 * 1024;

  private final GatewayConfig.Bridge config;
  private final long bootTimeSeconds;

  HostShape(GatewayConfig.Bridge config, long bootTimeSeconds) {
    this.config = config;
    this.bootTimeSeconds = bootTimeSeconds;
  }

  String name() {
    return config.hostName();
  }

  BootReport boot(BridgeFrames.Capacity capacity, boolean locked, List<RunFrame> running) {
    return BootReport.newBuilder()
        .setHost(host(capacity))
        .setCoreInfo(cores(capacity, locked, running))
        .build();
  }

  HostReport status(BridgeFrames.Capacity capacity, boolean locked, List<RunFrame> running) {
    HostReport.Builder report = HostReport.newBuilder()
        .setHost(host(capacity))
        .setCoreInfo(cores(capacity, locked, running));
    for (RunFrame frame : running) {
      report.addFrames(BridgeFrames.info(frame));
    }
    return report.build();
  }

  FrameCompleteReport completion(BridgeFrames.Capacity capacity,
      BridgeFrames.Completion completion) {
    long started = completion.frame().getStartTime() > 0
        ? completion.frame().getStartTime()
        : completion.launched();
    int runSeconds = (int) Math.max(0, (completion.ended() - started) / 1000);
    return FrameCompleteReport.newBuilder()
        .setHost(host(capacity))
        .setFrame(BridgeFrames.info(completion.frame()))
        .setExitStatus(completion.exitStatus())
        .setExitSignal(completion.exitSignal())
        .setRunTime(runSeconds)
        .build();
  }

  /**
   * One processor with all the workers' cores, and their memory plus what Cuebot keeps back, so
   * that Cuebot's capacity is exactly the workers'. Free memory stays at the total: workers
   * measure their own, and Cuebot releases a host's procs when free memory looks low.
   */
  private RenderHost host(BridgeFrames.Capacity capacity) {
    long memoryKib = capacity.memoryMb() * 1024 + RESERVED_KIB;
    return RenderHost.newBuilder()
        .setName(config.hostName())
        .setNimbyEnabled(false)
        .setNimbyLocked(false)
        .setFacility(config.facility())
        .setNumProcs(1)
        .setCoresPerProc(capacity.cores() * CORE_UNITS)
        .setTotalSwap(0)
        .setTotalMem(memoryKib)
        .setTotalMcp(TEMP_SPACE_KIB)
        .setFreeSwap(0)
        .setFreeMem(memoryKib)
        .setFreeMcp(TEMP_SPACE_KIB)
        .setLoad(0)
        .setBootTime((int) bootTimeSeconds)
        .addAllTags(config.tags())
        .setState(HardwareState.UP)
        .putAttributes("SP_OS", config.os())
        .build();
  }

  private static CoreDetail cores(BridgeFrames.Capacity capacity, boolean locked,
      List<RunFrame> running) {
    int total = capacity.cores() * CORE_UNITS;
    int booked = running.stream().mapToInt(RunFrame::getNumCores).sum();
    int lockedCores = locked ? total : 0;
    return CoreDetail.newBuilder()
        .setTotalCores(total)
        .setIdleCores(Math.max(0, total - booked - lockedCores))
        .setLockedCores(lockedCores)
        .setBookedCores(booked)
        .build();
  }
}
