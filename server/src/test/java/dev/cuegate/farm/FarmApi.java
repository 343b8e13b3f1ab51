package dev.cuegate.farm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuegate.testing.ApiClient;
import dev.cuegate.testing.GatewayExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** OpenCue calls against the embedded farm over HTTP, as a client such as CueWeb makes them. */
final class FarmApi {
  static final ObjectMapper JSON = new ObjectMapper();

  private final ApiClient api;

  FarmApi(GatewayExtension gateway) {
    this(new ApiClient(gateway::uri));
  }

  FarmApi(ApiClient api) {
    this.api = api;
  }

  /** {@code POST path} that must answer 200; the parsed answer. */
  JsonNode ok(String path, String body) {
    HttpResponse<String> response = api.post(path, body);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return parse(response.body());
  }

  static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + body, e);
    }
  }

  /** Launches {@code spec}; the job's id. */
  String launch(String spec) {
    ObjectNode request = JSON.createObjectNode().put("spec", spec);
    JsonNode names = ok("/job.JobInterface/LaunchSpec", request.toString()).get("names");
    return ok("/job.JobInterface/FindJob",
        JSON.createObjectNode().put("name", names.get(0).asText()).toString())
        .get("job").get("id").asText();
  }

  JsonNode job(String id) {
    return ok("/job.JobInterface/GetJob", "{\"id\":\"" + id + "\"}").get("job");
  }

  JsonNode layers(String jobId) {
    return ok("/job.JobInterface/GetLayers", "{\"job\":{\"id\":\"" + jobId + "\"}}")
        .get("layers").get("layers");
  }

  JsonNode frames(String jobId, String criteria) {
    return ok("/job.JobInterface/GetFrames",
        "{\"job\":{\"id\":\"" + jobId + "\"},\"req\":" + criteria + "}")
        .get("frames").get("frames");
  }

  /** Frame name → state, in the order GetFrames answers. */
  List<String> frameStates(String jobId) {
    List<String> states = new ArrayList<>();
    frames(jobId, "{}").forEach(frame ->
        states.add(frame.get("name").asText() + " " + frame.get("state").asText()));
    return states;
  }

  String frameId(String jobId, String frameName) {
    return frames(jobId, "{\"frames\":[\"" + frameName + "\"]}").get(0).get("id").asText();
  }

  JsonNode jobAction(String method, String jobId, String extra) {
    return ok("/job.JobInterface/" + method, "{\"job\":{\"id\":\"" + jobId + "\"}" + extra + "}");
  }
}
