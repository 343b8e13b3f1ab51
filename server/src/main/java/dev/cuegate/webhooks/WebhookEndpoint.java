package dev.cuegate.webhooks;

import dev.cuegate.events.EventFilter;
import dev.cuegate.events.FarmEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One receiver of webhooks: where events go, which ones, and the secret that signs them.
 *
 * @param name unique in the file; names the endpoint's queue directory and its metrics
 * @param filter the shows, jobs and types it receives; empty sets mean all
 */
public record WebhookEndpoint(String name, URI url, EventFilter filter, byte[] secret) {
  public WebhookEndpoint {
    secret = secret.clone();
  }

  public WebhookEndpoint(String name, URI url, EventFilter filter, String secret) {
    this(name, url, filter, secret.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public byte[] secret() {
    return secret.clone();
  }

  /** Whether {@code event} goes to this endpoint. */
  public boolean wants(FarmEvent event) {
    return filter.matches(event);
  }

  @Override
  public String toString() {
    return "WebhookEndpoint[" + name + " " + url + "]";
  }
}
