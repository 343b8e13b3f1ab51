package dev.cuegate.webhooks;

import dev.cuegate.events.EventBus;
import dev.cuegate.events.FarmEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Hands every published event to the endpoints that want it. Events are written to disk on one
 * thread of its own, so the bus's publishers never wait for a file or a receiver, and sent on two
 * more threads; no event loop ever blocks on a webhook.
 */
public final class Webhooks implements AutoCloseable {
  private final List<Route> routes;
  private final ExecutorService intake;
  private final ScheduledExecutorService senders;
  private final Optional<EventBus.Subscription> subscription;

  private record Route(WebhookEndpoint endpoint, EndpointQueue queue) {}

  private Webhooks(List<Route> routes, ExecutorService intake, ScheduledExecutorService senders,
      Optional<EventBus.Subscription> subscription) {
    this.routes = routes;
    this.intake = intake;
    this.senders = senders;
    this.subscription = subscription;
  }

  /**
   * Resumes what an earlier run left under {@code dir} (one directory per endpoint name), then
   * subscribes to {@code bus}. Without endpoints nothing subscribes.
   */
  public static Webhooks start(List<WebhookEndpoint> endpoints, EventBus bus, Path dir,
      WebhookSettings settings, Clock clock, MeterRegistry meters) throws IOException {
    ExecutorService intake = Executors.newSingleThreadExecutor(daemon("cuegate-webhook-intake"));
    ScheduledExecutorService senders =
        Executors.newScheduledThreadPool(2, daemon("cuegate-webhook-sender"));
    WebhookSender sender = new WebhookSender(clock, settings.timeout());
    List<Route> routes = new ArrayList<>();
    for (WebhookEndpoint endpoint : endpoints) {
      EndpointQueue queue = new EndpointQueue(endpoint,
          new DeliveryStore(dir.resolve(endpoint.name())), sender, settings, senders, meters);
      queue.resume();
      routes.add(new Route(endpoint, queue));
    }
    return new Webhooks(List.copyOf(routes), intake, senders,
        routes.isEmpty() ? Optional.empty() : Optional.of(bus.subscribe(OptionalLong.empty(),
            event -> intake.execute(() -> routeAll(routes, event)))));
  }

  private static void routeAll(List<Route> routes, FarmEvent event) {
    String body = event.toJson();
    for (Route route : routes) {
      if (route.endpoint().wants(event)) {
        route.queue().offer(new Delivery(event.id(), body));
      }
    }
  }

  /** How many deliveries {@code endpoint} has not acknowledged yet. */
  public int queued(String endpoint) {
    return routes.stream()
        .filter(route -> route.endpoint().name().equals(endpoint))
        .mapToInt(route -> route.queue().size())
        .sum();
  }

  /**
   * Stops taking events, keeps on disk every event already taken, and stops sending: what is not
   * acknowledged is sent by the next run.
   */
  @Override
  public void close() {
    subscription.ifPresent(EventBus.Subscription::close);
    intake.shutdown();
    try {
      intake.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    senders.shutdownNow();
    try {
      senders.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
