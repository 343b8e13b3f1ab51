package dev.cuegate.bench;

import com.google.protobuf.Message;
import dev.cuegate.proto.show.ShowGetShowsResponse;
import dev.cuegate.proto.show.ShowSeq;
import dev.cuegate.testing.FarmState;
import dev.cuegate.testing.SampleFarm;
import java.time.Clock;
import java.util.function.Supplier;

/** The Cuebot answers the transcoding benchmark converts, built deterministically. */
public enum Answer {
  GET_FRAMES_1000("GetFrames-1000", () -> SampleFarm.frames(1_000)),
  GET_JOBS_10000("GetJobs-10000", () -> SampleFarm.jobs(10_000)),
  GET_SHOWS("GetShows", Answer::shows);

  private final String label;
  private final Supplier<Message> message;

  Answer(String label, Supplier<Message> message) {
    this.label = label;
    this.message = message;
  }

  /** The name used in JMH parameters and summary lines. */
  public String label() {
    return label;
  }

  /** A fresh copy of the answer; equal on every call. */
  public Message message() {
    return message.get();
  }

  /** The answer called {@code label}. */
  public static Answer byLabel(String label) {
    for (Answer answer : values()) {
      if (answer.label.equals(label)) {
        return answer;
      }
    }
    throw new IllegalArgumentException("no answer called " + label);
  }

  private static Message shows() {
    FarmState farm = new FarmState(Clock.systemUTC());
    SampleFarm.seed(farm);
    return ShowGetShowsResponse.newBuilder()
        .setShows(ShowSeq.newBuilder().addAllShows(farm.shows()))
        .build();
  }
}
