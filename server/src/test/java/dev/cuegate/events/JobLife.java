package dev.cuegate.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuegate.farm.FarmSpecs;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.JsonApi;
import dev.cuegate.testing.SseClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A job's whole life on the embedded farm, step by step, with the events each step must produce:
 * launched, paused, resumed, commented, a frame failed and retried, failed again and dead,
 * retried by hand and succeeded, another frame succeeded, the last one eaten, the job finished;
 * then a second job launched, a frame started and the job killed. Frames run as a host would run
 * them (through the farm, on {@link #HOST}), everything else through the API.
 */
public final class JobLife {
  public static final ObjectMapper JSON = new ObjectMapper();
  /** The host that runs the frames, which their events name while it runs them. */
  public static final String HOST = "render-07";
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** One thing done to the farm and the events it makes, as {@link #summary} writes them. */
  public record Step(String what, Action action, List<String> expected) {}

  /** What a step does. */
  @FunctionalInterface
  public interface Action {
    void run() throws Exception;
  }

  private final GatewayExtension gateway;
  private final String job;
  private final String killed;
  private String jobId;
  private String killedId;

  public JobLife(GatewayExtension gateway, String prefix) {
    this.gateway = gateway;
    this.job = FarmSpecs.fullName(FarmSpecs.uniqueName(prefix));
    this.killed = FarmSpecs.fullName(FarmSpecs.uniqueName(prefix + "killed"));
  }

  /** The first job's full name. */
  public String job() {
    return job;
  }

  /** The steps, in order. */
  public List<Step> steps() {
    String f1 = "0001-render";
    String f2 = "0002-render";
    String f3 = "0003-render";
    String on = " host=" + HOST;
    return List.of(
        new Step("launch", () -> jobId = launch(job, "1-3"), List.of(
            "job.launched " + job + " user=jdoe shot=sh01")),
        new Step("pause and resume", () -> {
          jobCall("Pause", "");
          jobCall("Resume", "");
        }, List.of("job.paused " + job, "job.resumed " + job)),
        new Step("comment", () -> jobCall("AddComment",
            ",\"new_comment\":{\"user\":\"alice\",\"subject\":\"check\",\"message\":\"hi\"}"),
            List.of("comment.added " + job + " user=alice subject=check")),
        new Step("two tries allowed", () -> jobCall("SetMaxRetries", ",\"max_retries\":2"),
            List.of()),
        new Step("frame 1 fails once", () -> runFrame(f1, 1),
            List.of("frame.started " + job + " " + f1 + on,
                "frame.failed " + job + " " + f1 + on + " exitStatus=1",
                "frame.retried " + job + " " + f1 + on + " retryCount=1")),
        new Step("frame 1 fails again", () -> runFrame(f1, 3),
            List.of("frame.started " + job + " " + f1 + on,
                "frame.failed " + job + " " + f1 + on + " exitStatus=3",
                "frame.dead " + job + " " + f1 + on + " exitStatus=3")),
        new Step("frame 1 retried by hand and succeeds", () -> {
          // Nobody runs a dead frame: its retry names no host.
          ok("/job.FrameInterface/Retry", "{\"frame\":{\"id\":\"" + frameId(jobId, f1) + "\"}}");
          runFrame(f1, 0);
        }, List.of("frame.retried " + job + " " + f1 + " retryCount=2",
            "frame.started " + job + " " + f1 + on, "frame.succeeded " + job + " " + f1 + on)),
        new Step("frame 2 succeeds", () -> runFrame(f2, 0),
            List.of("frame.started " + job + " " + f2 + on,
                "frame.succeeded " + job + " " + f2 + on)),
        new Step("frame 3 eaten: the job finishes", () ->
            ok("/job.FrameInterface/Eat", "{\"frame\":{\"id\":\"" + frameId(jobId, f3) + "\"}}"),
            List.of("frame.eaten " + job + " " + f3,
                "job.finished " + job + " deadFrames=0 succeededFrames=2 succeeded=true")),
        new Step("another job launched, started and killed", () -> {
          killedId = launch(killed, "1");
          gateway.farm().startFrame(frameId(killedId, f1), HOST);
          ok("/job.JobInterface/Kill", "{\"job\":{\"id\":\"" + killedId + "\"},\"reason\":\"t\"}");
        }, List.of("job.launched " + killed + " user=jdoe shot=sh01",
            "frame.started " + killed + " " + f1 + on, "job.killed " + killed,
            "job.finished " + killed + " deadFrames=0 succeededFrames=0 succeeded=false")));
  }

  /** Every step's events, in order. */
  public List<String> expected() {
    return steps().stream().flatMap(step -> step.expected().stream()).toList();
  }

  /** Runs every step. */
  public void run() throws Exception {
    for (Step step : steps()) {
      step.action().run();
    }
  }

  /**
   * An event as the expectations write it: type, job, frame, the host that runs the frame, then
   * what the type carries. Ids are checked apart: they must rise by one from event to event.
   */
  public static String summary(JsonNode event) {
    StringBuilder line = new StringBuilder(event.get("type").asText())
        .append(' ').append(event.get("job").asText());
    if (event.has("frame")) {
      line.append(' ').append(event.get("frame").asText());
    }
    for (String key : List.of("host", "user", "shot", "subject", "exitStatus", "retryCount",
        "deadFrames", "succeededFrames", "succeeded")) {
      if (event.has(key)) {
        line.append(' ').append(key).append('=').append(event.get(key).asText());
      }
    }
    return line.toString();
  }

  /** The next {@code count} events of {@code stream}, parsed; failing on a gap or the end. */
  public static List<JsonNode> read(SseClient stream, int count) throws InterruptedException {
    List<JsonNode> events = new ArrayList<>();
    while (events.size() < count) {
      SseClient.Message message = stream.nextData(WAIT);
      assertThat(message.isEnd()).as("the stream ended after " + events.size()).isFalse();
      assertThat(message.event()).as("a gap in the stream: " + message.data()).isNull();
      events.add(JsonApi.parse(message.data()));
    }
    return events;
  }

  /** The ids of {@code events}, which must each be one more than the one before. */
  public static void assertConsecutive(List<JsonNode> events) {
    for (int i = 1; i < events.size(); i++) {
      assertThat(Long.parseLong(events.get(i).get("id").asText()))
          .as("the id of event " + i + " follows the one before")
          .isEqualTo(Long.parseLong(events.get(i - 1).get("id").asText()) + 1);
    }
  }

  private String launch(String name, String range) {
    String prefix = FarmSpecs.fullName("");
    ok("/job.JobInterface/LaunchSpec", JSON.createObjectNode().put("spec", FarmSpecs.spec(
        name.substring(prefix.length()), FarmSpecs.layer("render", range, 1), "")).toString());
    return ok("/job.JobInterface/FindJob", "{\"name\":\"" + name + "\"}")
        .get("job").get("id").asText();
  }

  /** Frame {@code frame} of the first job runs on {@link #HOST}, ending with {@code exitStatus}. */
  private void runFrame(String frame, int exitStatus) {
    String id = frameId(jobId, frame);
    gateway.farm().startFrame(id, HOST);
    gateway.farm().finishFrame(id, exitStatus, HOST);
  }

  private void jobCall(String method, String extra) {
    ok("/job.JobInterface/" + method, "{\"job\":{\"id\":\"" + jobId + "\"}" + extra + "}");
  }

  private String frameId(String id, String frame) {
    return ok("/job.JobInterface/GetFrames", "{\"job\":{\"id\":\"" + id + "\"},\"req\":"
        + "{\"frames\":[\"" + frame + "\"]}}").get("frames").get("frames").get(0)
        .get("id").asText();
  }

  private JsonNode ok(String path, String body) {
    return JsonApi.ok(gateway.post(path, body));
  }
}
