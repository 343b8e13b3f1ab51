package dev.cuegate.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What changed on a farm. Each type is read, for authorization, through the API method that would
 * show the same change: a token sees an event iff it may call that method (docs/EVENTS.md).
 */
public enum EventType {
  JOB_LAUNCHED("job.JobInterface/GetJobs"),
  JOB_PAUSED("job.JobInterface/GetJobs"),
  JOB_RESUMED("job.JobInterface/GetJobs"),
  JOB_KILLED("job.JobInterface/GetJobs"),
  /** The job ended: {@code deadFrames} says whether every frame succeeded. */
  JOB_FINISHED("job.JobInterface/GetJobs"),
  FRAME_STARTED("job.JobInterface/GetFrames"),
  FRAME_SUCCEEDED("job.JobInterface/GetFrames"),
  /** A run ended with a non-zero {@code exitStatus}; the frame may still be retried. */
  FRAME_FAILED("job.JobInterface/GetFrames"),
  FRAME_RETRIED("job.JobInterface/GetFrames"),
  FRAME_DEAD("job.JobInterface/GetFrames"),
  FRAME_EATEN("job.JobInterface/GetFrames"),
  HOST_UP("host.HostInterface/GetHosts"),
  HOST_DOWN("host.HostInterface/GetHosts"),
  HOST_LOCKED("host.HostInterface/GetHosts"),
  HOST_UNLOCKED("host.HostInterface/GetHosts"),
  COMMENT_ADDED("job.JobInterface/GetComments");

  private final String readMethod;

  EventType(String readMethod) {
    this.readMethod = readMethod;
  }

  /** As clients spell it: {@code frame.dead}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replaceFirst("_", ".");
  }

  /** The API method ({@code service/method}) a token must be allowed to see this event. */
  public String readMethod() {
    return readMethod;
  }

  /** Host events belong to no show or job. */
  public boolean aboutHost() {
    return name().startsWith("HOST_");
  }

  /** The type a client named, e.g. {@code frame.dead}. */
  public static Optional<EventType> fromWireName(String name) {
    return Arrays.stream(values()).filter(type -> type.wireName().equals(name)).findFirst();
  }
}
