package dev.cuegate.server;

import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServerBuilder;
import dev.cuegate.bridge.RqdBridge;
import dev.cuegate.config.GatewayConfig;
import dev.cuegate.config.Mode;
import dev.cuegate.farm.EmbeddedFarm;
import dev.cuegate.farm.store.FarmChangeListener;
import dev.cuegate.upstream.Backend;
import dev.cuegate.worker.WorkerProtocol;
import io.grpc.ClientInterceptor;
import io.netty.channel.EventLoopGroup;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What runs besides the API port in each {@link Mode}, opened, started and closed in the order
 * that mode needs (docs/ARCHITECTURE.md, "Modes").
 */
sealed interface ModeParts extends AutoCloseable
    permits ModeParts.Gateway, ModeParts.Farm, ModeParts.Bridge {

  /**
   * Opens the parts of {@code mode}; nothing is served yet. {@code farmChanges} hears of the
   * changes of the embedded farm that serves the API (the event journal).
   */
  static ModeParts open(Mode mode, GatewayConfig config, Clock clock,
      FarmChangeListener farmChanges) {
    return switch (mode) {
      case GATEWAY -> new Gateway();
      case EMBEDDED_FARM -> {
        EmbeddedFarm farm = EmbeddedFarm.open(config.farm().databaseUrl(), clock,
            WorkerProtocol.hosts(), config.farm().frameLogRoot(), farmChanges);
        yield new Farm(farm,
            WorkerProtocol.create(farm, config.workers(), config.dataDir(), clock));
      }
      case BRIDGE -> {
        // Cuebot's frames are kept in a farm database of their own, which the API never serves.
        EmbeddedFarm frames = EmbeddedFarm.open(
            config.farm().databaseUrl(), clock, RqdBridge.listener(clock), WorkerProtocol.hosts());
        // Workers see the bridge's frames under one task type; those that accept none are warned.
        String taskType = WorkerProtocol.taskTypeOf(config.workers(), RqdBridge.SERVICE);
        WorkerProtocol workers = WorkerProtocol.create(
            frames, config.workers(), config.dataDir(), clock, List.of(taskType));
        yield new Bridge(frames, workers, taskType, config, clock);
      }
    };
  }

  /** Where API calls go: Cuebot, or in the embedded farm's mode the farm itself. */
  default Backend backend(
      GatewayConfig.Upstream upstream, EventLoopGroup loops, List<ClientInterceptor> interceptors) {
    return Backend.cuebot(upstream, loops, interceptors);
  }

  /** Adds the mode's routes; {@code guard} guards those a person calls. */
  default void mountOn(ServerBuilder routes, Function<HttpService, HttpService> guard) {
    workers().ifPresent(protocol -> protocol.mountOn(routes, guard));
  }

  /** Starts the mode's schedules and ports, once the API is served. */
  default void start() {
    workers().ifPresent(WorkerProtocol::start);
  }

  /** The embedded farm that serves the API, in that mode. */
  default Optional<EmbeddedFarm> farm() {
    return Optional.empty();
  }

  /** The HTTP workers' protocol, in the modes that have workers. */
  default Optional<WorkerProtocol> workers() {
    return Optional.empty();
  }

  /** The RQD host of the bridge, once started. */
  default Optional<RqdBridge> bridge() {
    return Optional.empty();
  }

  /** Stops taking work from outside (the bridge's RQD port); the first step of shutting down. */
  default void stopIntake() {}

  /** Closes what is left once the API port is closed. */
  @Override
  void close();

  /** A gateway in front of Cuebot: nothing runs besides the API. */
  record Gateway() implements ModeParts {
    @Override
    public void close() {}
  }

  /** No Cuebot: the embedded farm serves the API and its workers run the frames. */
  record Farm(EmbeddedFarm embedded, WorkerProtocol protocol) implements ModeParts {
    @Override
    public Backend backend(
        GatewayConfig.Upstream upstream, EventLoopGroup loops,
        List<ClientInterceptor> interceptors) {
      return Backend.embedded(embedded, upstream, interceptors);
    }

    @Override
    public Optional<EmbeddedFarm> farm() {
      return Optional.of(embedded);
    }

    @Override
    public Optional<WorkerProtocol> workers() {
      return Optional.of(protocol);
    }

    @Override
    public void close() {
      protocol.close();
      embedded.close();
    }
  }

  /**
   * A gateway that is also a render host of its Cuebot: the frames Cuebot launches on the host
   * are stored in {@code frames} and run by the workers.
   */
  final class Bridge implements ModeParts {
    private final EmbeddedFarm frames;
    private final WorkerProtocol protocol;
    private final String taskType;
    private final GatewayConfig config;
    private final Clock clock;
    private RqdBridge host;

    Bridge(EmbeddedFarm frames, WorkerProtocol protocol, String taskType, GatewayConfig config,
        Clock clock) {
      this.frames = frames;
      this.protocol = protocol;
      this.taskType = taskType;
      this.config = config;
      this.clock = clock;
    }

    /** The RQD port last: Cuebot may launch frames as soon as it hears of the host. */
    @Override
    public synchronized void start() {
      protocol.start();
      host = RqdBridge.start(
          config.bridge(), frames, Backend.cuebotChannel(config.upstream()), taskType, clock);
    }

    @Override
    public Optional<WorkerProtocol> workers() {
      return Optional.of(protocol);
    }

    @Override
    public synchronized Optional<RqdBridge> bridge() {
      return Optional.ofNullable(host);
    }

    /** Cuebot stops launching frames here before the workers and the frames go. */
    @Override
    public synchronized void stopIntake() {
      if (host != null) {
        host.close();
        host = null;
      }
    }

    @Override
    public void close() {
      stopIntake();
      protocol.close();
      frames.close();
    }
  }
}
