package dev.cuegate.webhooks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/** Sends one signed delivery to one endpoint and says how it went. It blocks its caller. */
public final class WebhookSender {
  private final HttpClient client;
  private final Clock clock;
  private final Duration timeout;

  /** The client keeps its own threads: the callers' threads block in {@link #send}. */
  public WebhookSender(Clock clock, Duration timeout) {
    this.client = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.clock = clock;
    this.timeout = timeout;
  }

  /**
   * What became of one attempt.
   *
   * @param status the receiver's HTTP status; 0 when none answered
   * @param error why no answer came; empty when one did
   */
  public record Outcome(int status, String error) {
    /** A 2xx acknowledges the delivery. */
    public boolean acknowledged() {
      return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
      return status == 0 ? error : "HTTP " + status;
    }
  }

  /** POSTs {@code delivery} to {@code endpoint}, signed with the current time. */
  public Outcome send(WebhookEndpoint endpoint, Delivery delivery) throws InterruptedException {
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest request = HttpRequest.newBuilder(endpoint.url())
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("X-CueGate-Event-Id", Long.toString(delivery.id()))
        .header("X-CueGate-Timestamp", Long.toString(timestamp))
        .header("X-CueGate-Signature",
            Signature.sign(endpoint.secret(), timestamp, delivery.body()))
        .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
        .build();
    try {
      return new Outcome(
          client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), "");
    } catch (IOException e) {
      return new Outcome(0, e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }
}
