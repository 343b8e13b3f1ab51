package dev.cuegate.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops a process and everything it started: politely first, then by force. */
final class ProcessTree {
  private ProcessTree() {}

  /**
   * Asks the process and its descendants to terminate, waits up to {@code grace}, then kills what
   * is left. The descendants are listed before anything is stopped: once the parent is gone its
   * children are re-parented and can no longer be found from it.
   */
  static void stop(ProcessHandle root, Duration grace) throws InterruptedException {
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(root);
    root.descendants().forEach(tree::add);
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + grace.toNanos();
    for (ProcessHandle process : tree) {
      awaitExit(process, Math.max(0, deadline - System.nanoTime()));
    }
    for (ProcessHandle process : tree) {
      if (process.isAlive()) {
        process.destroyForcibly();
        awaitExit(process, grace.toNanos());
      }
    }
  }

  private static void awaitExit(ProcessHandle process, long nanos) throws InterruptedException {
    try {
      process.onExit().get(nanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      // Still running: the caller decides whether to force it.
    } catch (ExecutionException e) {
      throw new IllegalStateException("waiting for process " + process.pid(), e);
    }
  }
}
