package dev.cuegate.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one task's updates in order from a thread of its own, so a slow manager never holds up
 * the task. Log lines are collected and sent together at most every flush interval; a status
 * change is sent at once with the lines before it. An update that cannot be delivered is retried
 * until the manager answers; an answer saying the task is no longer this worker's stops the
 * reporter and tells the task to stop.
 */
final class TaskReporter {
  private static final Logger log = LoggerFactory.getLogger(TaskReporter.class);

  private final ManagerClient manager;
  private final String path;
  private final Duration flushInterval;
  private final Backoff retry;
  private final Runnable onLost;
  private final Object lock = new Object();
  private final List<String> lines = new ArrayList<>();
  private final Deque<ObjectNode> queue = new ArrayDeque<>();
  private final Thread sender;
  private boolean finishing;
  private volatile boolean abandoned;

  TaskReporter(ManagerClient manager, String taskId, AgentTimings timings, Sleeper sleeper,
      Runnable onLost) {
    this.manager = manager;
    this.path = "tasks/" + taskId + "/update";
    this.flushInterval = timings.logFlushInterval();
    this.retry = new Backoff(timings.retryMin(), timings.retryMax(), sleeper);
    this.onLost = onLost;
    this.sender = new Thread(this::sendAll, "cuegate-worker-updates-" + taskId);
    sender.setDaemon(true);
    sender.start();
  }

  void log(String line) {
    synchronized (lock) {
      lines.add(line);
    }
  }

  /** Queues {@code update} with the log lines collected so far and sends it without waiting. */
  void report(ObjectNode update) {
    synchronized (lock) {
      seal(update);
      lock.notifyAll();
    }
  }

  /** Sends what is left and waits until the manager has taken all of it (or the task is lost). */
  void finish() throws InterruptedException {
    synchronized (lock) {
      finishing = true;
      lock.notifyAll();
    }
    sender.join();
  }

  /**
   * At shutdown: gives what is queued, and an update already on its way, up to {@code grace} to
   * reach the manager, then drops the rest and stops. Cutting an update off mid-request would
   * leave the manager and the worker unsure whether it was stored.
   */
  void abandonAfter(Duration grace) throws InterruptedException {
    synchronized (lock) {
      finishing = true;
      lock.notifyAll();
    }
    sender.join(Math.max(1, grace.toMillis()));
    abandon();
  }

  /** Drops whatever is unsent and stops; the manager hears nothing more about this task. */
  void abandon() throws InterruptedException {
    abandoned = true;
    sender.interrupt();
    sender.join();
  }

  private void seal(ObjectNode update) {
    if (!lines.isEmpty()) {
      update.put("log", String.join("\n", lines));
      lines.clear();
    }
    queue.addLast(update);
  }

  private void sendAll() {
    try {
      while (!abandoned) {
        ObjectNode next;
        synchronized (lock) {
          long deadline = System.nanoTime() + flushInterval.toNanos();
          long remaining = flushInterval.toNanos();
          while (queue.isEmpty() && !finishing && remaining > 0) {
            lock.wait(Math.max(1, remaining / 1_000_000));
            remaining = deadline - System.nanoTime();
          }
          if (!lines.isEmpty()) {
            seal(ManagerClient.JSON.createObjectNode());
          }
          if (queue.isEmpty()) {
            if (finishing) {
              return;
            }
            continue;
          }
          next = queue.peekFirst();
        }
        if (!deliver(next)) {
          onLost.run();
          return;
        }
        synchronized (lock) {
          queue.removeFirst();
        }
      }
    } catch (InterruptedException e) {
      // abandon() interrupts this thread to stop it; nothing else owns it.
      Thread.currentThread().interrupt();
    }
  }

  /** True once the manager took the update (or refused it for good); false if the task is lost. */
  private boolean deliver(ObjectNode update) throws InterruptedException {
    retry.reset();
    while (!abandoned) {
      ManagerClient.Reply reply;
      try {
        reply = manager.post(path, update);
      } catch (IOException e) {
        log.warn("cannot send an update to {} ({}); retrying", path, e.toString());
        retry.pause();
        continue;
      }
      if (reply.isSuccess()) {
        return true;
      }
      switch (reply.status()) {
        case 401, 404, 409 -> {
          log.warn("the manager answered {} to {}: the task is no longer ours", reply.status(), path);
          return false;
        }
        default -> {
          if (reply.status() >= 500) {
            log.warn("the manager answered {} to {}; retrying", reply.status(), path);
            retry.pause();
          } else {
            log.warn("the manager refused an update to {} with {}: {}", path, reply.status(),
                reply.body());
            return true;
          }
        }
      }
    }
    return true;
  }
}
