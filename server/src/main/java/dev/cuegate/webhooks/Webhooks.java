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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every published event to the endpoints that want it. Events are written to disk on one
 * thread of its own, so the bus's publishers never wait for a file or a receiver, and sent on two
 * more threads; no event loop ever blocks on a webhook.
 */
public final class Webhooks implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

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
   * Resumes what an earlier run left under {@code dir} (one directory per endpoint name), takes
   * the events {@code bus} holds after the last one that run took (on the embedded farm, those
   * the journal restored that a crash kept from the webhooks), then subscribes to {@code bus}.
   * Without endpoints nothing subscribes and the mark is dropped.
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
    EnqueuedMark mark = new EnqueuedMark(dir);
    if (routes.isEmpty()) {
      mark.forget();
      return new Webhooks(List.of(), intake, senders, Optional.empty());
    }
    // The first run with endpoints owes nothing from before its start.
    long taken = mark.read().orElse(bus.nextId() - 1);
    mark.write(taken);
    // Subscribing after the mark hands over, under the bus's lock, every kept event above it
    // and then each new one: none is missed between the two and none is taken twice.
    return new Webhooks(List.copyOf(routes), intake, senders,
        Optional.of(bus.subscribe(OptionalLong.of(taken),
            event -> intake.execute(() -> routeAll(routes, mark, event)))));
  }

  private static void routeAll(List<Route> routes, EnqueuedMark mark, FarmEvent event) {
    Delivery delivery = new Delivery(event.id(), event.toJson());
    List<EndpointQueue> taking = new ArrayList<>();
    for (Route route : routes) {
      if (route.endpoint().wants(event) && route.queue().keep(delivery)) {
        taking.add(route.queue());
      }
    }
    // Before any receiver can acknowledge it: a crash between an acknowledgement and the mark
    // would otherwise take the event again from the journal and send it twice.
    try {
      mark.write(event.id());
    } catch (IOException e) {
      log.error("webhooks: cannot mark event {} as taken under DATA_DIR; after a crash it may be"
          + " sent again", event.id(), e);
    }
    taking.forEach(queue -> queue.send(delivery));
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
