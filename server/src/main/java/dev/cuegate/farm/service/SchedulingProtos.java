package dev.cuegate.farm.service;

import dev.cuegate.farm.store.LimitRow;
import dev.cuegate.farm.store.ServiceRow;
import dev.cuegate.proto.limit.Limit;
import dev.cuegate.proto.service.Service;
import dev.cuegate.proto.service.ServiceOverride;

/** Limits and services between the store's rows and OpenCue's messages. */
final class SchedulingProtos {
  private SchedulingProtos() {}

  static Limit limit(LimitRow limit) {
    return Limit.newBuilder()
        .setId(limit.id())
        .setName(limit.name())
        .setMaxValue(limit.maxValue())
        .setCurrentRunning(limit.running())
        .build();
  }

  static Service service(ServiceRow service) {
    return Service.newBuilder()
        .setId(service.id())
        .setName(service.name())
        .setThreadable(service.threadable())
        .setMinCores(service.minCores())
        .setMaxCores(service.maxCores())
        .setMinMemory(service.minMemoryKib())
        .setMinGpuMemory(service.minGpuMemoryKib())
        .addAllTags(service.tags())
        .setTimeout(service.timeoutMinutes())
        .setTimeoutLlu(service.timeoutLluMinutes())
        .setMinGpus(service.minGpus())
        .setMaxGpus(service.maxGpus())
        .setMinMemoryIncrease((int) Math.min(Integer.MAX_VALUE, service.minMemoryIncreaseKib()))
        .build();
  }

  static ServiceOverride override(ServiceRow service) {
    return ServiceOverride.newBuilder().setId(service.id()).setData(service(service)).build();
  }

  /** The settings a request sends; its id as given (empty for a new service). */
  static ServiceRow row(Service service) {
    return new ServiceRow(service.getId(), "", service.getName().trim(),
        service.getThreadable(), service.getMinCores(), service.getMaxCores(),
        service.getMinMemory(), service.getMinGpuMemory(),
        service.getTagsList().stream().map(String::trim).toList(), service.getTimeout(),
        service.getTimeoutLlu(), service.getMinGpus(), service.getMaxGpus(),
        service.getMinMemoryIncrease());
  }
}
