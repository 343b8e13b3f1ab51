package dev.cuegate.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Jobs of the embedded farm for worker tests, through OpenCue's API. Each test gives its jobs a
 * task type of its own (the layer's service), so the tests of a class share a farm safely.
 */
final class FarmJobs {
  private static final AtomicInteger NEXT = new AtomicInteger();

  private final ApiClient api;

  FarmJobs(GatewayExtension gateway) {
    this(gateway::uri);
  }

  /** Jobs of the CueGate that {@code address} turns paths into URLs of. */
  FarmJobs(Function<String, URI> address) {
    this.api = new ApiClient(address);
  }

  /** A name (for jobs, workers or task types) used nowhere else in this run. */
  static String unique(String prefix) {
    return prefix + NEXT.incrementAndGet();
  }

  /** Launches a one-layer job whose frames run {@code echo #IFRAME#}; answers the job's id. */
  String launch(String taskType, String range, int priority, int maxRetries) {
    return launch(taskType, range, priority, maxRetries, "echo #IFRAME#");
  }

  /** Launches a one-layer job whose frames run {@code command}; answers the job's id. */
  String launch(String taskType, String range, int priority, int maxRetries, String command) {
    String name = unique("job");
    String spec = "<?xml version=\"1.0\"?><spec><show>testing</show><shot>sh01</shot>"
        + "<user>jdoe</user><job name=\"" + name + "\"><priority>" + priority + "</priority>"
        + "<maxretries>" + maxRetries + "</maxretries><layers>"
        + "<layer name=\"render\" type=\"Render\"><cmd>" + command + "</cmd><range>" + range
        + "</range><chunk>1</chunk><services><service>" + taskType + "</service></services>"
        + "</layer></layers></job></spec>";
    JsonNode names = ok("/job.JobInterface/LaunchSpec",
        TestWorker.JSON.createObjectNode().put("spec", spec).toString()).get("names");
    return ok("/job.JobInterface/FindJob", "{\"name\":\"" + names.get(0).asText() + "\"}")
        .get("job").get("id").asText();
  }

  /** Frame name → state and retry count, e.g. {@code 0001-render RUNNING 0}. */
  List<String> frames(String jobId) {
    List<String> frames = new ArrayList<>();
    ok("/job.JobInterface/GetFrames", "{\"job\":{\"id\":\"" + jobId + "\"},\"req\":{}}")
        .get("frames").get("frames")
        .forEach(frame -> frames.add(frame.get("name").asText() + " "
            + frame.get("state").asText() + " " + frame.path("retryCount").asInt()));
    return frames;
  }

  String jobState(String jobId) {
    return ok("/job.JobInterface/GetJob", "{\"id\":\"" + jobId + "\"}")
        .get("job").get("state").asText();
  }

  /**
   * Every task log kept under {@code dataDir} (found by the documented layout
   * {@code task-logs/<job>/task-<task>.txt}) that contains {@code marker}, as
   * {@code GET /logfile/{job}/{task}} serves it: task id → log.
   */
  Map<String, String> logsContaining(Path dataDir, String marker) {
    Map<String, String> logs = new TreeMap<>();
    Path root = dataDir.resolve("task-logs");
    if (!Files.isDirectory(root)) {
      return logs;
    }
    try (Stream<Path> files = Files.walk(root, 2)) {
      List<Path> taskLogs = files
          .filter(file -> file.getFileName().toString().matches("task-\\p{XDigit}{24}\\.txt"))
          .toList();
      for (Path file : taskLogs) {
        String task = file.getFileName().toString().substring(5, 29);
        String job = file.getParent().getFileName().toString();
        HttpResponse<String> response = api.get("/logfile/" + job + "/" + task);
        assertThat(response.statusCode()).as("log of task " + task).isEqualTo(200);
        if (response.body().contains(marker)) {
          logs.put(task, response.body());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return logs;
  }

  JsonNode ok(String path, String body) {
    HttpResponse<String> response = post(path, body);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return TestWorker.parse(response.body());
  }

  HttpResponse<String> post(String path, String body) {
    return api.post(path, body);
  }

  HttpResponse<String> get(String path) {
    return api.get(path);
  }
}
