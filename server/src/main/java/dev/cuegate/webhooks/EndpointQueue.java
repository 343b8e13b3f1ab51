package dev.cuegate.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One endpoint's deliveries, sent one at a time in id order: a failed one is retried after a
 * growing wait before any later one is sent, so a receiver sees events in the order they
 * happened.
 */
final class EndpointQueue {
  private static final Logger log = LoggerFactory.getLogger(EndpointQueue.class);

  private final WebhookEndpoint endpoint;
  private final DeliveryStore store;
  private final WebhookSender sender;
  private final WebhookSettings settings;
  private final ScheduledExecutorService senders;
  private final Counter delivered;
  private final Counter failed;
  private final ArrayDeque<Delivery> queue = new ArrayDeque<>();
  private boolean sending;
  private int failures;

  EndpointQueue(WebhookEndpoint endpoint, DeliveryStore store, WebhookSender sender,
      WebhookSettings settings, ScheduledExecutorService senders, MeterRegistry meters) {
    this.endpoint = endpoint;
    this.store = store;
    this.sender = sender;
    this.settings = settings;
    this.senders = senders;
    this.delivered = Counter.builder("cuegate.webhooks.delivered")
        .description("Webhook deliveries the endpoint acknowledged")
        .tag("endpoint", endpoint.name())
        .register(meters);
    this.failed = Counter.builder("cuegate.webhooks.failed")
        .description("Webhook delivery attempts that failed and will be retried")
        .tag("endpoint", endpoint.name())
        .register(meters);
    Gauge.builder("cuegate.webhooks.queued", this, EndpointQueue::size)
        .description("Webhook deliveries not yet acknowledged")
        .tag("endpoint", endpoint.name())
        .register(meters);
  }

  /** Takes back what an earlier run left unacknowledged, and starts sending it. */
  void resume() throws IOException {
    List<Delivery> pending = store.pending();
    if (!pending.isEmpty()) {
      log.info("webhook {}: resending {} unacknowledged deliveries", endpoint.name(),
          pending.size());
    }
    synchronized (this) {
      queue.addAll(pending);
    }
    wake();
  }

  /**
   * Keeps {@code delivery} on disk before it is queued; a delivery that cannot be kept is still
   * sent. Answers false when the store already holds it: an earlier run kept it and stopped
   * before its mark moved, and {@link #resume} queued it.
   */
  boolean keep(Delivery delivery) {
    if (store.holds(delivery.id())) {
      return false;
    }
    try {
      store.add(delivery);
    } catch (IOException e) {
      log.error("webhook {}: cannot keep event {} under DATA_DIR; a restart would lose it",
          endpoint.name(), delivery.id(), e);
    }
    return true;
  }

  /** Sends a delivery {@link #keep} took, after every one queued before it. */
  void send(Delivery delivery) {
    synchronized (this) {
      queue.addLast(delivery);
    }
    wake();
  }

  synchronized int size() {
    return queue.size();
  }

  private void wake() {
    synchronized (this) {
      if (sending || queue.isEmpty()) {
        return;
      }
      sending = true;
    }
    submit(0);
  }

  private void submit(long delayMillis) {
    try {
      senders.schedule(this::sendFirst, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Closing: what is queued stays on disk for the next run.
      synchronized (this) {
        sending = false;
      }
    }
  }

  private void sendFirst() {
    Delivery next;
    synchronized (this) {
      next = queue.peekFirst();
      if (next == null) {
        sending = false;
        return;
      }
    }
    WebhookSender.Outcome outcome;
    try {
      outcome = sender.send(endpoint, next);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (outcome.acknowledged()) {
      acknowledge(next);
      submit(0);
      return;
    }
    failed.increment();
    int failuresInARow;
    synchronized (this) {
      failuresInARow = ++failures;
    }
    long delay = settings.retryDelay(failuresInARow).toMillis();
    log.warn("webhook {}: event {} not delivered ({}); retry {} in {} ms", endpoint.name(),
        next.id(), outcome, failuresInARow, delay);
    submit(delay);
  }

  private void acknowledge(Delivery delivery) {
    try {
      store.acknowledged(delivery.id());
    } catch (IOException e) {
      log.error("webhook {}: event {} was delivered but its file remains; a restart resends it",
          endpoint.name(), delivery.id(), e);
    }
    synchronized (this) {
      queue.pollFirst();
      failures = 0;
    }
    delivered.increment();
  }
}
