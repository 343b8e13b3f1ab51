package dev.cuegate.farm;

import static dev.cuegate.farm.FarmSpecs.fullName;
import static dev.cuegate.farm.FarmSpecs.layer;
import static dev.cuegate.farm.FarmSpecs.spec;
import static dev.cuegate.farm.FarmSpecs.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuegate.testing.ApiClient;
import dev.cuegate.testing.ChildCueGate;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CueGate as a real process, killed with SIGKILL while clients are submitting jobs: what it
 * acknowledged is there after the restart, and a job is stored whole or not at all.
 */
class EmbeddedFarmCrashTest {
  private static final Duration START_LIMIT = Duration.ofSeconds(90);
  private static final int SUBMITTERS = 6;
  private static final int ACKNOWLEDGED_BEFORE_KILL = 20;
  private static final String PREFIX = "crash";
  private static final List<String> FRAMES_PER_JOB = frameNames();

  @TempDir Path dir;

  private final ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS);
  private ChildCueGate cuegate;

  @AfterEach
  void stop() throws InterruptedException {
    submitters.shutdownNow();
    assertThat(submitters.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    if (cuegate != null) {
      cuegate.close();
    }
  }

  @Test
  void everyAcknowledgedLaunchSurvivesAKillMidSubmissionWholeAndOnce()
      throws InterruptedException {
    // given: clients submitting two-layer jobs of 20 frames as fast as CueGate takes them
    cuegate = ChildCueGate.start(dir, Map.of(), START_LIMIT);
    ApiClient client = new ApiClient(path -> cuegate.uri(path));
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger cutOff = new AtomicInteger();
    CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
    for (int i = 0; i < SUBMITTERS; i++) {
      submitters.submit(() -> submitUntilCutOff(client, acknowledged, enough, cutOff));
    }
    assertThat(enough.await(60, TimeUnit.SECONDS)).as(cuegate.output()).isTrue();

    // when
    cuegate.kill();
    submitters.shutdown();
    assertThat(submitters.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    cuegate.restart(START_LIMIT);

    // then
    FarmApi api = new FarmApi(client);
    List<String> stored = new ArrayList<>();
    api.ok("/job.JobInterface/GetJobs",
            "{\"r\":{\"include_finished\":true,\"regex\":[\"^testing-sh01-jdoe_" + PREFIX + "\"]}}")
        .get("jobs").get("jobs")
        .forEach(job -> stored.add(job.get("name").asText()));
    assertThat(cutOff.get()).as("submitters still submitting when CueGate died")
        .isEqualTo(SUBMITTERS);
    assertThat(stored).doesNotHaveDuplicates().containsAll(acknowledged);
    for (String name : stored) {
      String id = api.ok("/job.JobInterface/FindJob", "{\"name\":\"" + name + "\"}")
          .get("job").get("id").asText();
      assertThat(api.layers(id)).as(name).hasSize(2);
      assertThat(api.frameStates(id)).as(name).containsExactlyInAnyOrderElementsOf(
          FRAMES_PER_JOB);
    }
    String after = uniqueName("after");
    String id = api.launch(spec(after, layer("render", "1-10", 1), ""));
    assertThat(api.job(id).get("name").asText()).isEqualTo(fullName(after));
    assertThat(api.frameStates(id)).hasSize(10);
  }

  /** Launches jobs until the kill cuts a submission off; remembers each one answered 200. */
  private static void submitUntilCutOff(ApiClient client, Set<String> acknowledged,
      CountDownLatch enough, AtomicInteger cutOff) {
    while (!Thread.currentThread().isInterrupted()) {
      String name = uniqueName(PREFIX);
      String body = FarmApi.JSON.createObjectNode()
          .put("spec", spec(name, layer("left", "1-10", 1) + layer("right", "1-10", 1), ""))
          .toString();
      HttpResponse<String> response;
      try {
        response = client.post("/job.JobInterface/LaunchSpec", body);
      } catch (UncheckedIOException e) {
        cutOff.incrementAndGet();
        return;
      }
      if (response.statusCode() == 200) {
        JsonNode names = FarmApi.parse(response.body()).get("names");
        acknowledged.add(names.get(0).asText());
        enough.countDown();
      }
    }
  }

  private static List<String> frameNames() {
    List<String> frames = new ArrayList<>();
    for (String layer : List.of("left", "right")) {
      for (int frame = 1; frame <= 10; frame++) {
        frames.add(String.format("%04d-%s WAITING", frame, layer));
      }
    }
    return frames;
  }
}
