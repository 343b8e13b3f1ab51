package dev.cuegate.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuegate.proto.host.HardwareState;
import dev.cuegate.proto.host.Host;
import dev.cuegate.proto.host.LockState;
import dev.cuegate.proto.job.Frame;
import dev.cuegate.proto.job.FrameState;
import dev.cuegate.proto.job.Job;
import dev.cuegate.proto.job.JobState;
import dev.cuegate.proto.job.Layer;
import dev.cuegate.testing.FakeCuebot;
import dev.cuegate.testing.FarmState;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.ManualClock;
import dev.cuegate.testing.SampleFarm;
import dev.cuegate.testing.SseClient;
import dev.cuegate.testing.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The watcher within Cuebot's limits on {@code GetUpdatedFrames}: a {@code last_check} more than
 * 60 s old gets no answer, and an answer holds at most 100 frames.
 */
class CuebotWatcherLimitsTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  /** Shorter than the upstream deadline: an event this late waited one out. */
  private static final Duration BEFORE_DEADLINE = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GET_HOSTS = "host.HostInterface/GetHosts";
  private static final String GET_FRAMES = "job.JobInterface/GetFrames";
  private static final String GET_UPDATED_FRAMES = "job.JobInterface/GetUpdatedFrames";
  private static final ManualClock clock = new ManualClock(Instant.now());

  @RegisterExtension
  static final GatewayExtension gateway = new GatewayExtension()
      .clock(clock)
      .env("EVENTS_POLL_INTERVAL", "100ms")
      .env("GRPC_TIMEOUT", "20s")
      .perTest();

  @Test
  void aJobWhoseCountsStoodStillForOverAMinuteStillReportsAndSoDoesEverythingAfterIt()
      throws Exception {
    FakeCuebot cuebot = gateway.cuebot();
    FarmState farm = cuebot.farm();
    Job job = farm.findJob(SampleFarm.LIGHTING_JOB);
    List<Frame> waiting = farm.frames(job.getId()).stream()
        .filter(frame -> frame.getState() == FrameState.WAITING).toList();
    Host host = farm.hosts().stream()
        .filter(h -> h.getState() == HardwareState.UP && h.getLockState() == LockState.OPEN)
        .findFirst().orElseThrow();

    try (SseClient events = SseClient.open(gateway.uri("/events"), Tokens.valid(), null)) {
      awaitRounds(2);
      clock.advance(Duration.ofSeconds(1));
      farm.setFrameStates(List.of(waiting.get(0)), FrameState.RUNNING);
      JsonNode first = next(events, WAIT);
      clock.advance(Duration.ofSeconds(1));
      int listsBefore = cuebot.callCount(GET_FRAMES);
      farm.setFrameStates(List.of(waiting.get(1)), FrameState.RUNNING);
      JsonNode second = next(events, WAIT);
      int listsAfterRecentCheck = cuebot.callCount(GET_FRAMES);

      clock.advance(Duration.ofSeconds(61));
      awaitRounds(2);
      int updatesBefore = cuebot.callCount(GET_UPDATED_FRAMES);
      farm.setFrameStates(List.of(waiting.get(0)), FrameState.SUCCEEDED);
      JsonNode succeeded = next(events, BEFORE_DEADLINE);
      farm.updateHost(host.getId(), h -> h.setState(HardwareState.DOWN));
      JsonNode down = next(events, BEFORE_DEADLINE);

      assertThat(first.get("type").asText()).isEqualTo("frame.started");
      assertThat(first.get("frameId").asText()).isEqualTo(waiting.get(0).getId());
      assertThat(second.get("type").asText()).isEqualTo("frame.started");
      assertThat(second.get("frameId").asText()).isEqualTo(waiting.get(1).getId());
      // A check a second old is answered by the frames that changed, not the whole list.
      assertThat(listsAfterRecentCheck).isEqualTo(listsBefore);
      assertThat(succeeded.get("type").asText()).isEqualTo("frame.succeeded");
      assertThat(succeeded.get("frameId").asText()).isEqualTo(waiting.get(0).getId());
      assertThat(down.get("type").asText()).isEqualTo("host.down");
      assertThat(down.get("host").asText()).isEqualTo(host.getName());
      assertThat(cuebot.callCount(GET_UPDATED_FRAMES)).isEqualTo(updatesBefore);
    }
  }

  @Test
  void everyFrameIsReportedWhenMoreThanAHundredOfOneJobChangeInOneInterval() throws Exception {
    FarmState farm = gateway.cuebot().farm();
    List<Frame> frames = addJob(farm, "testing-sh99-erin_crowd_v001", 150);

    try (SseClient events = SseClient.open(gateway.uri("/events"), Tokens.valid(), null)) {
      awaitRounds(2);
      clock.advance(Duration.ofSeconds(1));
      farm.setFrameStates(frames, FrameState.RUNNING);
      Set<String> started = new HashSet<>();
      List<String> types = new ArrayList<>();
      while (started.size() + types.size() < frames.size()) {
        JsonNode event = next(events, WAIT);
        if (event.get("type").asText().equals("frame.started")) {
          started.add(event.get("frameId").asText());
        } else {
          types.add(event.get("type").asText());
        }
      }

      assertThat(types).isEmpty();
      assertThat(started)
          .containsExactlyInAnyOrderElementsOf(frames.stream().map(Frame::getId).toList());
    }
  }

  /** Adds a pending job of {@code count} waiting frames in one layer. */
  private static List<Frame> addJob(FarmState farm, String name, int count) {
    String jobId = SampleFarm.id("job", name);
    farm.addJob(Job.newBuilder().setId(jobId).setName(name).setShow(SampleFarm.SHOW)
        .setGroup(SampleFarm.SHOW).setUser("erin").setShot("sh99").setState(JobState.PENDING)
        .build());
    Layer layer = Layer.newBuilder().setId(SampleFarm.id("layer", name + "/render"))
        .setName("render").setParentId(jobId).build();
    farm.addLayer(jobId, layer);
    for (int number = 1; number <= count; number++) {
      String frameName = String.format("%04d-render", number);
      farm.addFrame(layer.getId(), Frame.newBuilder()
          .setId(SampleFarm.id("frame", name + "/" + frameName)).setName(frameName)
          .setLayerName("render").setNumber(number).setState(FrameState.WAITING)
          .setExitStatus(-1).build());
    }
    return farm.frames(jobId);
  }

  /** Waits until the watcher has completed {@code rounds} more rounds (each ends with GetHosts). */
  private static void awaitRounds(int rounds) {
    int target = gateway.cuebot().callCount(GET_HOSTS) + rounds;
    Awaitility.await("the watcher's next " + rounds + " rounds").atMost(WAIT)
        .until(() -> gateway.cuebot().callCount(GET_HOSTS) >= target);
  }

  private static JsonNode next(SseClient events, Duration within) throws Exception {
    SseClient.Message message = events.nextData(within);
    assertThat(message.isEnd()).isFalse();
    return JSON.readTree(message.data());
  }
}
