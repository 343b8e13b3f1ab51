package dev.cuegate.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Images workers produced, waiting to be shown as the "latest image". Bounded: when nobody takes
 * them fast enough, new ones are dropped with a warning rather than filling the memory.
 */
final class LatestOutputs {
  private static final Logger log = LoggerFactory.getLogger(LatestOutputs.class);

  private final BlockingQueue<String> queue;

  LatestOutputs(int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  void offer(String workerId, List<String> paths) {
    for (String path : paths) {
      if (!queue.offer(path)) {
        log.warn("output queue full: dropping {} produced by worker {}", path, workerId);
      }
    }
  }

  /** Takes every queued path, oldest first. */
  List<String> drain() {
    List<String> paths = new ArrayList<>();
    queue.drainTo(paths);
    return paths;
  }
}
