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
import dev.cuegate.testing.FarmState;
import dev.cuegate.testing.FakeCuebot;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.SseClient;
import dev.cuegate.testing.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against the fake Cuebot: the watcher's events are the changes made, and cost one poller. */
class CuebotWatcherTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GET_JOBS = "job.JobInterface/GetJobs";
  private static final String GET_HOSTS = "host.HostInterface/GetHosts";

  @RegisterExtension
  static final GatewayExtension gateway =
      new GatewayExtension().env("EVENTS_POLL_INTERVAL", "100ms").perTest();

  @Test
  void theEventsAreTheChangesMadeToTheFarm() throws Exception {
    FarmState farm = gateway.cuebot().farm();
    Job job = farm.jobs().stream()
        .filter(j -> j.getState() == JobState.PENDING && !farm.frames(j.getId()).isEmpty())
        .findFirst().orElseThrow();
    List<Frame> frames = farm.frames(job.getId());
    Frame first = frames.get(0);
    Host host = farm.hosts().stream()
        .filter(h -> h.getState() == HardwareState.UP && h.getLockState() == LockState.OPEN)
        .findFirst().orElseThrow();

    try (SseClient events = SseClient.open(gateway.uri("/events"), Tokens.valid(), null)) {
      awaitRounds(2);

      farm.updateJob(job.getId(), j -> j.setIsPaused(true));
      JsonNode paused = next(events);
      farm.setFrameStates(List.of(first), FrameState.RUNNING);
      JsonNode started = next(events);
      farm.setFrameStates(List.of(first), FrameState.DEAD);
      JsonNode failed = next(events);
      JsonNode dead = next(events);
      farm.updateHost(host.getId(), h -> h.setState(HardwareState.DOWN));
      JsonNode down = next(events);
      farm.updateHost(host.getId(), h -> h.setLockState(LockState.LOCKED));
      JsonNode locked = next(events);
      List<String> runningBefore = farm.frames(job.getId()).stream()
          .filter(frame -> frame.getState() == FrameState.RUNNING).map(Frame::getName).toList();
      farm.killJob(job.getId());
      // Killing stops the running frames first, as Cuebot does: each is a failed run.
      List<String> stopped = new ArrayList<>();
      JsonNode finished = next(events);
      while (!finished.get("type").asText().equals("job.finished")) {
        if (finished.get("type").asText().equals("frame.failed")) {
          stopped.add(finished.get("frame").asText());
        }
        finished = next(events);
      }

      assertThat(paused.get("type").asText()).isEqualTo("job.paused");
      assertThat(paused.get("job").asText()).isEqualTo(job.getName());
      assertThat(paused.get("show").asText()).isEqualTo(job.getShow());
      assertThat(started.get("type").asText()).isEqualTo("frame.started");
      assertThat(started.get("frame").asText()).isEqualTo(first.getName());
      assertThat(started.get("layer").asText()).isEqualTo(first.getLayerName());
      assertThat(failed.get("type").asText()).isEqualTo("frame.failed");
      assertThat(dead.get("type").asText()).isEqualTo("frame.dead");
      assertThat(dead.get("frameId").asText()).isEqualTo(first.getId());
      assertThat(down.get("type").asText()).isEqualTo("host.down");
      assertThat(down.get("host").asText()).isEqualTo(host.getName());
      assertThat(locked.get("type").asText()).isEqualTo("host.locked");
      assertThat(stopped).containsExactlyInAnyOrderElementsOf(runningBefore);
      assertThat(finished.get("deadFrames").asInt())
          .isEqualTo(farm.job(job.getId()).getJobStats().getDeadFrames())
          .isPositive();
      assertThat(finished.get("succeeded").asBoolean()).isFalse();
    }
  }

  @Test
  void nothingIsReportedWhileTheFarmStandsStill() throws Exception {
    try (SseClient events = SseClient.open(gateway.uri("/events"), Tokens.valid(), null)) {
      awaitRounds(5);

      SseClient.Message message = events.next(WAIT);
      while (message.data() == null && message.comments().isEmpty()) {
        message = events.next(WAIT);
      }

      assertThat(message.comments()).containsExactly("heartbeat");
    }
  }

  @Test
  void aHundredReadersCostCuebotWhatOneReaderCosts() throws Exception {
    List<SseClient> readers = new ArrayList<>();
    try {
      for (int i = 0; i < 100; i++) {
        readers.add(SseClient.open(gateway.uri("/events"), Tokens.valid(), null));
      }
      awaitRounds(2);
      FakeCuebot cuebot = gateway.cuebot();
      int jobsBefore = cuebot.callCount(GET_JOBS);
      int hostsBefore = cuebot.callCount(GET_HOSTS);

      awaitRounds(5);

      int rounds = cuebot.callCount(GET_HOSTS) - hostsBefore;
      int jobCalls = cuebot.callCount(GET_JOBS) - jobsBefore;
      // One GetJobs per round; a round may be under way as either count is read.
      assertThat(jobCalls).isBetween(rounds - 1, rounds + 1);
      assertThat(cuebot.callCount("job.JobInterface/GetUpdatedFrames")).isZero();
    } finally {
      for (SseClient reader : readers) {
        reader.close();
      }
    }
  }

  /** Waits until the watcher has completed {@code rounds} more rounds (each ends with GetHosts). */
  private static void awaitRounds(int rounds) {
    int target = gateway.cuebot().callCount(GET_HOSTS) + rounds;
    Awaitility.await("the watcher's next " + rounds + " rounds").atMost(WAIT)
        .until(() -> gateway.cuebot().callCount(GET_HOSTS) >= target);
  }

  private static JsonNode next(SseClient events) throws Exception {
    SseClient.Message message = events.nextData(WAIT);
    assertThat(message.isEnd()).isFalse();
    return JSON.readTree(message.data());
  }
}
