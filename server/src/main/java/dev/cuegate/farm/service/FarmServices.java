package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.HostDirectory;
import dev.cuegate.farm.store.LimitStore;
import dev.cuegate.farm.store.ServiceStore;
import io.grpc.BindableService;
import io.grpc.HandlerRegistry;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import java.util.List;
import java.util.stream.Stream;

/** The OpenCue gRPC services of the embedded farm, ready to be served in-process or on a port. */
public final class FarmServices {
  private final List<ServerServiceDefinition> services;
  private final NeedsCuebot needsCuebot = new NeedsCuebot();
  private final ExceptionStatusInterceptor refusals = new ExceptionStatusInterceptor();

  private FarmServices(FarmStore store, HostDirectory hosts) {
    this.services = Stream.<BindableService>of(
            new ShowService(store, hosts),
            new JobService(store),
            new LayerService(store),
            new FrameService(store),
            new GroupService(store),
            new DependService(store),
            new FilterService(store),
            new MatcherService(store),
            new ActionService(store),
            new CommentService(List.of(CommentService.jobComments(store),
                CommentService.hostComments(store, hosts))),
            new HostService(store, hosts),
            new ProcService(store, hosts),
            new AllocationService(store, hosts),
            new LimitService(LimitStore.of(store)),
            new ServiceCatalog(ServiceStore.of(store)),
            new ServiceOverrideService(ServiceStore.of(store)),
            new DepartmentService(store),
            new TaskService(store),
            new SubscriptionService(store, hosts),
            new CueService())
        .map(service -> ServerInterceptors.intercept(service, needsCuebot, refusals))
        .toList();
  }

  /** The services backed by {@code store}, with {@code hosts} as the farm's hosts. */
  public static FarmServices of(FarmStore store, HostDirectory hosts) {
    return new FarmServices(store, hosts);
  }

  /** One definition per implemented OpenCue service. */
  public List<ServerServiceDefinition> services() {
    return services;
  }

  /** For the server's fallback registry: every other service answers UNIMPLEMENTED. */
  public HandlerRegistry fallback() {
    return needsCuebot;
  }
}
