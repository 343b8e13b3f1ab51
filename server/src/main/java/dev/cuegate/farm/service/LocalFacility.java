package dev.cuegate.farm.service;

import dev.cuegate.farm.spec.Names;
import dev.cuegate.farm.store.FarmTransaction;
import dev.cuegate.farm.store.FrameRow;
import dev.cuegate.farm.store.HostRow;
import dev.cuegate.farm.store.JobRow;
import dev.cuegate.farm.store.LayerRow;
import dev.cuegate.farm.store.ShowRow;
import dev.cuegate.farm.store.SubscriptionRow;
import dev.cuegate.proto.facility.Allocation;
import dev.cuegate.proto.facility.AllocationStats;
import dev.cuegate.proto.host.HardwareState;
import dev.cuegate.proto.host.Proc;
import dev.cuegate.proto.job.FrameState;
import dev.cuegate.proto.subscription.Subscription;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The embedded farm as OpenCue's facility calls see it: one facility {@code local}, one
 * allocation {@code local.general} holding every host, each show subscribed to it, and a proc for
 * each frame running on a host.
 */
final class LocalFacility {
  static final String FACILITY = "local";
  static final String ALLOCATION = "local.general";
  /** The id OpenCue's demo data gives {@code local.general}. */
  static final String ALLOCATION_ID = "00000000-0000-0000-0000-000000000000";

  private LocalFacility() {}

  static Allocation allocation(List<HostRow> hosts) {
    float cores = 0;
    float idle = 0;
    float running = 0;
    float locked = 0;
    int lockedHosts = 0;
    int downHosts = 0;
    for (HostRow host : hosts) {
      cores += host.cores();
      if (host.activeTasks() > 0) {
        running += host.cores();
      } else if (host.state() == HardwareState.UP && !host.locked()) {
        idle += host.cores();
      }
      if (host.locked()) {
        locked += host.cores();
        lockedHosts++;
      }
      if (!host.up()) {
        downHosts++;
      }
    }
    return Allocation.newBuilder()
        .setId(ALLOCATION_ID)
        .setName(ALLOCATION)
        .setTag("general")
        .setFacility(FACILITY)
        .setStats(AllocationStats.newBuilder()
            .setCores(cores)
            .setAvailableCores(idle)
            .setIdleCores(idle)
            .setRunningCores(running)
            .setLockedCores(locked)
            .setHosts(hosts.size())
            .setLockedHosts(lockedHosts)
            .setDownHosts(downHosts))
        .build();
  }

  /** Every core of the hosts, in hundredths as Cuebot counts them. */
  static int allCores(List<HostRow> hosts) {
    return hosts.stream().mapToInt(HostRow::cores).sum() * 100;
  }

  /** The id of the show's subscription to {@code local.general}. */
  static String subscriptionId(ShowRow show) {
    return UUID.nameUUIDFromBytes((ALLOCATION + "/" + show.id())
        .getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * The show's subscription with the size and burst last set, in hundredths of a core as Cuebot
   * counts them; by default the show may use the whole allocation: size and burst are all its
   * cores.
   */
  static Subscription subscription(ShowRow show, List<HostRow> hosts,
      Optional<SubscriptionRow> stored) {
    int cores = allCores(hosts);
    return Subscription.newBuilder()
        .setId(subscriptionId(show))
        .setName(ALLOCATION + "." + show.name())
        .setShowName(show.name())
        .setFacility(FACILITY)
        .setAllocationName(ALLOCATION)
        .setSize(stored.map(SubscriptionRow::size).orElse(cores))
        .setBurst(stored.map(SubscriptionRow::burst).orElse(cores))
        .setReservedCores(show.frames().get(FrameState.RUNNING) * 100)
        .build();
  }

  /** A proc per frame the hosts run now; its id is the frame's. */
  static List<Proc> procs(FarmTransaction tx, List<HostRow> hosts) throws SQLException {
    List<Proc> procs = new ArrayList<>();
    for (HostRow host : hosts) {
      for (String frameId : host.runningFrames()) {
        FrameRow frame = tx.frame(frameId);
        JobRow job = tx.job(frame.jobId());
        LayerRow layer = tx.layer(frame.layerId());
        float cores = layer.cores() / 100f;
        procs.add(Proc.newBuilder()
            .setId(frame.id())
            .setName(host.name() + "/" + String.format(Locale.ROOT, "%.2f", cores))
            .setShowName(job.show())
            .setJobName(job.name())
            .setFrameName(frame.name())
            .setGroupName(job.group())
            .setPingTime((int) (host.lastActivity() / 1000))
            .setBookedTime((int) frame.startTime())
            .setDispatchTime((int) frame.startTime())
            .setReservedMemory(layer.memoryKib())
            .setReservedGpuMemory(layer.gpuMemoryKib())
            .setReservedCores(cores)
            .setReservedGpus(layer.gpus())
            .setLogPath(job.logDir().isEmpty() ? ""
                : Names.logFile(job.logDir(), job.name(), frame.name()))
            .addAllServices(layer.services().isEmpty() ? List.of("default") : layer.services())
            .build());
      }
    }
    return procs;
  }
}
