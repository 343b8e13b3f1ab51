package dev.cuegate.farm.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One change a farm transaction made that clients may want to hear of, as {@link
 * FarmChangeListener} is told of it.
 *
 * @param show the show's name; empty for a host
 * @param job the job's name; empty for a host
 * @param attributes the other ids and names ({@code jobId}, {@code layer}, {@code frame}, {@code
 *     frameId}, {@code host}, {@code hostId}) and what the kind carries ({@code exitStatus},
 *     {@code retryCount}, …), in a stable order
 */
public record FarmChange(Kind kind, String show, String job, Map<String, Object> attributes) {

  /** What happened. */
  public enum Kind {
    JOB_LAUNCHED, JOB_PAUSED, JOB_RESUMED, JOB_KILLED, JOB_FINISHED,
    FRAME_STARTED, FRAME_SUCCEEDED, FRAME_FAILED, FRAME_RETRIED, FRAME_DEAD, FRAME_EATEN,
    HOST_UP, HOST_DOWN, HOST_LOCKED, HOST_UNLOCKED,
    COMMENT_ADDED
  }

  public FarmChange {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** A change of {@code job} as a whole; {@code more} is what the kind carries, as pairs. */
  static FarmChange ofJob(Kind kind, JobRow job, Object... more) {
    return new FarmChange(kind, job.show(), job.name(), pairs(pairs("jobId", job.id()), more));
  }

  /**
   * A change of one frame of {@code job} on the host named {@code host} (none when empty);
   * {@code more} as for {@link #ofJob}.
   */
  static FarmChange ofFrame(Kind kind, JobRow job, FrameRow frame, String host,
      Object... more) {
    Map<String, Object> about = pairs("jobId", job.id(), "layer", frame.layerName(),
        "frame", frame.name(), "frameId", frame.id());
    if (!host.isEmpty()) {
      about.put("host", host);
    }
    return new FarmChange(kind, job.show(), job.name(), pairs(about, more));
  }

  /** A change of a host, which belongs to no show or job; {@code more} as for {@link #ofJob}. */
  public static FarmChange ofHost(Kind kind, HostRow host, Object... more) {
    return new FarmChange(kind, "", "", pairs(pairs("host", host.name(), "hostId", host.id()),
        more));
  }

  private static Map<String, Object> pairs(Object... keysAndValues) {
    return pairs(new LinkedHashMap<>(), keysAndValues);
  }

  private static Map<String, Object> pairs(Map<String, Object> first, Object... keysAndValues) {
    Map<String, Object> all = new LinkedHashMap<>(first);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      all.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return all;
  }
}
