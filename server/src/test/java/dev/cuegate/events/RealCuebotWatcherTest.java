package dev.cuegate.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuegate.testing.ChildCueGate;
import dev.cuegate.testing.CuebotJob;
import dev.cuegate.testing.JsonApi;
import dev.cuegate.testing.RealCuebot;
import dev.cuegate.testing.SseClient;
import dev.cuegate.testing.TestHttp;
import dev.cuegate.testing.Tokens;
import dev.cuegate.worker.Agents;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenCue's own Cuebot → CueGate (a child process) → {@code GET /events}: the watcher's events
 * are the changes the test makes through CueGate's API, in order per job, with the names and ids
 * Cuebot gave, and none for anything else. Skipped unless {@code CUEBOT_IT_ENDPOINT} names a
 * Cuebot that answers.
 */
class RealCuebotWatcherTest {
  private static final Duration START_LIMIT = Duration.ofSeconds(90);
  private static final Duration EVENT_LIMIT = Duration.ofSeconds(30);
  /** Short enough that a frame sleeping {@link #FRAME_SECONDS} is seen RUNNING several times. */
  private static final String POLL_INTERVAL = "200ms";
  private static final int FRAME_SECONDS = 2;
  /** Above OpenCue's minimum for the {@code shell} service (3.2 GB), so Cuebot books frames. */
  private static final long WORKER_MEMORY_MB = 4096;
  private static final String NO_HOST_TAG = "cuegate_it_no_host";
  private static final Pattern ROUNDS =
      Pattern.compile("(?m)^cuegate_events_watcher_rounds_total(?:\\{[^}]*})? (\\S+)$");

  @TempDir Path dir;
  @TempDir Path stateDirs;

  private ChildCueGate cuegate;
  private JsonApi api;
  private Agents agents;
  private int adminPort;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<CuebotJob> launched = new ArrayList<>();

  @AfterEach
  void killTheJobsAndStop() throws InterruptedException {
    for (CuebotJob job : launched) {
      api.send("/job.JobInterface/Kill", Map.of("job", Map.of("id", job.id()), "username",
          "cuegate-it", "reason", "the real-Cuebot watcher suite cleans up"));
    }
    Agents.stop(agents, cuegate);
  }

  @Test
  void launchPauseResumeAndKillAreReportedInOrderAndNothingElse() throws Exception {
    start(Map.of());
    String first = uniqueName();
    String second = uniqueName();
    try (SseClient events = subscribe("job=" + jobName(first) + "," + jobName(second))) {
      awaitRounds(1);

      // No host has the tag: the frames stay WAITING even while a bridge serves the Cuebot.
      CuebotJob a = launch(first, Optional.of(NO_HOST_TAG));
      CuebotJob b = launch(second, Optional.of(NO_HOST_TAG));
      // One round may see both launches; their order between the two jobs is the watcher's.
      List<JsonNode> received = new ArrayList<>();
      Map<String, JsonNode> launches = new HashMap<>();
      for (int i = 0; i < 2; i++) {
        JsonNode event = next(events);
        received.add(event);
        launches.put(event.path("jobId").asText(), event);
      }
      assertThat(launches).containsOnlyKeys(a.id(), b.id());
      for (CuebotJob job : List.of(a, b)) {
        JsonNode launch = launches.get(job.id());
        assertThat(launch.path("type").asText()).isEqualTo("job.launched");
        assertJob(launch, job);
        assertThat(launch.path("user").asText()).isEqualTo("cuegate");
        assertThat(launch.path("shot").asText()).isEqualTo("sh01");
      }

      call("Pause", a);
      JsonNode paused = next(events);
      call("Resume", a);
      JsonNode resumed = next(events);
      kill(a);
      JsonNode finished = next(events);
      // Rounds after the kill that bring nothing of a: the next event is b's change.
      awaitRounds(3);
      call("Pause", b);
      JsonNode pausedB = next(events);

      assertThat(List.of(paused, resumed, finished))
          .allSatisfy(event -> assertJob(event, a))
          .extracting(event -> event.path("type").asText())
          .containsExactly("job.paused", "job.resumed", "job.finished");
      assertThat(finished.path("deadFrames").asInt()).isZero();
      assertThat(finished.path("succeededFrames").asInt()).isZero();
      assertJob(pausedB, b);
      assertThat(pausedB.path("type").asText()).isEqualTo("job.paused");
      received.addAll(List.of(paused, resumed, finished, pausedB));
      assertThat(received)
          .extracting(event -> Long.parseLong(event.path("id").asText()))
          .as("ids grow in the order the events arrive")
          .isSorted()
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void aJobThatRendersOnAgentsIsReportedFrameByFrameUntilFinished() throws Exception {
    start(Map.of(
        "RQD_BRIDGE", "true",
        "RQD_PORT", Integer.toString(RealCuebot.rqdPort()),
        "RQD_HOST_NAME", "localhost",
        "RQD_REPORT_INTERVAL", "1s",
        "WORKER_SECRET_ITERATIONS", "1000"));
    agents = new Agents(cuegate.uri(""), stateDirs);
    agents.startWithDefaultTaskTypes("w1", WORKER_MEMORY_MB);
    agents.startWithDefaultTaskTypes("w2", WORKER_MEMORY_MB);
    String name = uniqueName();
    try (SseClient events = subscribe("job=" + jobName(name))) {
      awaitRounds(1);

      CuebotJob job = launch(name, Optional.empty());
      List<JsonNode> seen = new ArrayList<>();
      JsonNode event = next(events);
      seen.add(event);
      while (!event.path("type").asText().equals("job.finished")) {
        event = next(events);
        seen.add(event);
      }

      assertThat(seen).allSatisfy(each -> assertJob(each, job));
      assertThat(seen.get(0).path("type").asText()).isEqualTo("job.launched");
      Map<String, List<String>> perFrame = new LinkedHashMap<>();
      for (JsonNode each : seen.subList(1, seen.size() - 1)) {
        perFrame.computeIfAbsent(each.path("frameId").asText(), id -> new ArrayList<>())
            .add(each.path("type").asText());
      }
      List<JsonNode> frames = job.frames();
      assertThat(frames).hasSize(2);
      assertThat(perFrame).as("each frame started, then succeeded, once")
          .containsOnlyKeys(frames.stream().map(frame -> frame.path("id").asText()).toList())
          .allSatisfy((id, types) ->
              assertThat(types).containsExactly("frame.started", "frame.succeeded"));
      for (JsonNode frameEvent : seen.subList(1, seen.size() - 1)) {
        JsonNode frame = frames.stream()
            .filter(f -> f.path("id").asText().equals(frameEvent.path("frameId").asText()))
            .findFirst().orElseThrow();
        assertThat(frameEvent.path("frame").asText()).isEqualTo(frame.path("name").asText());
        assertThat(frameEvent.path("layer").asText()).isEqualTo("render");
        assertThat(frameEvent.path("host").asText()).startsWith("localhost");
      }
      JsonNode finished = seen.get(seen.size() - 1);
      assertThat(finished.path("succeeded").asBoolean()).isTrue();
      assertThat(finished.path("succeededFrames").asInt()).isEqualTo(2);
      assertThat(finished.path("deadFrames").asInt()).isZero();
      assertThat(job.detail().path("state").asText()).isEqualTo("FINISHED");
    }
  }

  private void start(Map<String, String> bridge) throws IOException {
    adminPort = freePort();
    Map<String, String> env = new HashMap<>(bridge);
    env.put("CUEBOT_ENDPOINT", RealCuebot.endpoint());
    env.put("EVENTS_POLL_INTERVAL", POLL_INTERVAL);
    env.put("ADMIN_PORT", Integer.toString(adminPort));
    env.put("ADMIN_BIND", "127.0.0.1");
    cuegate = ChildCueGate.start(dir, env, START_LIMIT);
    api = new JsonApi(cuegate.uri(""));
  }

  private SseClient subscribe(String query) {
    SseClient events = SseClient.open(cuegate.uri("/events?" + query), Tokens.valid(), null);
    assertThat(events.response().statusCode()).isEqualTo(200);
    return events;
  }

  /** Waits until the watcher, which asks only while someone listens, completed more rounds. */
  private void awaitRounds(int rounds) {
    double target = rounds() + rounds;
    await("the watcher's next " + rounds + " rounds").atMost(EVENT_LIMIT)
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(() -> assertThat(rounds())
            .as(() -> "CueGate said:\n" + tail(cuegate.output())).isGreaterThanOrEqualTo(target));
  }

  private double rounds() {
    HttpRequest request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + adminPort + "/metrics")).build();
    Matcher matcher = ROUNDS.matcher(TestHttp.send(http, request).body());
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }

  private static JsonNode next(SseClient events) throws Exception {
    SseClient.Message message = events.nextData(EVENT_LIMIT);
    assertThat(message.isEnd()).as("the stream is still open").isFalse();
    return JsonApi.parse(message.data());
  }

  private static void assertJob(JsonNode event, CuebotJob job) {
    assertThat(event.path("show").asText()).as(event.toString()).isEqualTo("testing");
    assertThat(event.path("job").asText()).as(event.toString()).isEqualTo(job.name());
    assertThat(event.path("jobId").asText()).as(event.toString()).isEqualTo(job.id());
  }

  private static String uniqueName() {
    return "it_events_" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The name Cuebot gives a job of the spec below: show, shot, user and the spec's name. */
  private static String jobName(String specName) {
    return "testing-sh01-cuegate_" + specName;
  }

  /** Two frames that sleep, booked only on hosts with {@code tag} when there is one. */
  private CuebotJob launch(String name, Optional<String> tag) {
    CuebotJob job = CuebotJob.launch(api, CuebotJob.spec(name, "render",
            "sleep " + FRAME_SECONDS + "; echo frame #IFRAME#", "1-2", 0, tag), EVENT_LIMIT,
        () -> "CueGate said:\n" + tail(cuegate.output()));
    assertThat(job.name()).isEqualTo(jobName(name));
    launched.add(job);
    return job;
  }

  private void call(String method, CuebotJob job) {
    api.call("/job.JobInterface/" + method, Map.of("job", Map.of("id", job.id())));
  }

  private void kill(CuebotJob job) {
    api.call("/job.JobInterface/Kill", Map.of("job", Map.of("id", job.id()), "username",
        "cuegate-it", "reason", "the real-Cuebot watcher suite kills a job"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String tail(String text) {
    return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
  }
}
