package dev.cuegate.events;

import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpResponseWriter;
import io.micrometer.core.instrument.Counter;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One reader's stream: events wait in a queue of at most {@code maxPending} (beyond the replay of
 * a resuming reader, which the bus's buffer bounds) and are written one at a time, the next only
 * once the connection took the last. A reader that lets the queue fill is
 * disconnected (its browser reconnects and resumes with {@code Last-Event-ID}), so a slow reader
 * never makes CueGate buffer without bound.
 */
final class SseStream {
  private final HttpResponseWriter writer;
  private final EventLoop loop;
  private final Predicate<FarmEvent> wanted;
  private final int maxPending;
  private final Counter slowReaders;
  private final ArrayDeque<FarmEvent> pending = new ArrayDeque<>();
  /** Until the replay is queued there is no limit; then the replay plus {@code maxPending}. */
  private int limit = Integer.MAX_VALUE;
  private boolean writing;
  private boolean closed;

  SseStream(HttpResponseWriter writer, EventLoop loop, Predicate<FarmEvent> wanted,
      int maxPending, Counter slowReaders) {
    this.writer = writer;
    this.loop = loop;
    this.wanted = wanted;
    this.maxPending = maxPending;
    this.slowReaders = slowReaders;
  }

  void start(EventBus bus, OptionalLong lastSeen, Duration heartbeat) {
    // Tells the browser to reconnect soon after a disconnect, resuming where it stopped.
    writer.tryWrite(HttpData.ofUtf8("retry: 2000\n\n"));
    EventBus.Subscription subscription = bus.subscribe(lastSeen, this::offer);
    // The replay is bounded by the bus's buffer; live events may add at most maxPending to it.
    synchronized (this) {
      limit = pending.size() + maxPending;
    }
    subscription.missingFrom().ifPresent(from -> writer.tryWrite(HttpData.ofUtf8(
        "event: gap\ndata: {\"lastEventId\":\"" + lastSeen.getAsLong()
            + "\",\"firstAvailable\":\"" + subscription.firstKept()
            + "\",\"message\":\"events after lastEventId were lost; reload the state\"}\n\n")));
    ScheduledFuture<?> beats = loop.scheduleAtFixedRate(
        () -> writer.tryWrite(HttpData.ofUtf8(": heartbeat\n\n")),
        heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    writer.whenComplete().handle((ignored, failure) -> {
      subscription.close();
      beats.cancel(false);
      return null;
    });
  }

  /** Called by the bus, in order, under its lock: only queues. */
  private void offer(FarmEvent event) {
    if (!wanted.test(event)) {
      return;
    }
    synchronized (this) {
      if (closed) {
        return;
      }
      if (pending.size() >= limit) {
        closed = true;
        pending.clear();
        slowReaders.increment();
        loop.execute(() -> {
          writer.tryWrite(HttpData.ofUtf8(
              ": disconnected: more than " + maxPending + " events waited for this reader\n\n"));
          writer.close();
        });
        return;
      }
      pending.addLast(event);
      if (writing) {
        return;
      }
      writing = true;
    }
    loop.execute(this::drain);
  }

  /** Runs on the event loop: writes the next event once the connection has taken the last. */
  private void drain() {
    FarmEvent next;
    synchronized (this) {
      next = pending.pollFirst();
      if (next == null) {
        writing = false;
        return;
      }
    }
    if (!writer.tryWrite(HttpData.ofUtf8(
        "id: " + next.id() + "\ndata: " + next.toJson() + "\n\n"))) {
      return;
    }
    writer.whenConsumed().thenRun(() -> loop.execute(this::drain));
  }
}
