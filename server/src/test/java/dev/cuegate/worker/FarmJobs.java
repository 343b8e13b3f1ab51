package dev.cuegate.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuegate.testing.GatewayExtension;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Jobs of the embedded farm for worker tests, through OpenCue's API. Each test gives its jobs a
 * task type of its own (the layer's service), so the tests of a class share a farm safely.
 */
final class FarmJobs {
  private static final AtomicInteger NEXT = new AtomicInteger();

  private final GatewayExtension gateway;

  FarmJobs(GatewayExtension gateway) {
    this.gateway = gateway;
  }

  /** A name (for jobs, workers or task types) used nowhere else in this run. */
  static String unique(String prefix) {
    return prefix + NEXT.incrementAndGet();
  }

  /** Launches a one-layer job whose frames run {@code echo #IFRAME#}; answers the job's id. */
  String launch(String taskType, String range, int priority, int maxRetries) {
    String name = unique("job");
    String spec = "<?xml version=\"1.0\"?><spec><show>testing</show><shot>sh01</shot>"
        + "<user>jdoe</user><job name=\"" + name + "\"><priority>" + priority + "</priority>"
        + "<maxretries>" + maxRetries + "</maxretries><layers>"
        + "<layer name=\"render\" type=\"Render\"><cmd>echo #IFRAME#</cmd><range>" + range
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

  JsonNode ok(String path, String body) {
    HttpResponse<String> response = gateway.post(path, body);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return TestWorker.parse(response.body());
  }
}
