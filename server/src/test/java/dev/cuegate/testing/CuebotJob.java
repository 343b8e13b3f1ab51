package dev.cuegate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A one-layer job of OpenCue's demo show {@code testing} (shot {@code sh01}, user {@code cuegate},
 * service {@code shell}) in the real Cuebot, launched and read through CueGate's JSON API.
 */
public record CuebotJob(JsonApi api, String id, String name) {

  /**
   * The job spec of job {@code name} with one layer running {@code command} over {@code range},
   * booked only on hosts with {@code tag} when there is one.
   */
  public static String spec(String name, String layer, String command, String range,
      int maxRetries, Optional<String> tag) {
    return """
        <?xml version="1.0"?>
        <!DOCTYPE spec PUBLIC "SPI Cue Specification Language" \
        "http://localhost:8080/spcue/dtd/cjsl-1.12.dtd">
        <spec>
          <facility>local</facility>
          <show>testing</show>
          <shot>sh01</shot>
          <user>cuegate</user>
          <job name="%s">
            <paused>False</paused>
            <maxretries>%d</maxretries>
            <autoeat>False</autoeat>
            <layers>
              <layer name="%s" type="Render">
                <cmd>%s</cmd>
                <range>%s</range>
                <chunk>1</chunk>
                <cores>1</cores>%s
                <services><service>shell</service></services>
              </layer>
            </layers>
          </job>
        </spec>
        """.formatted(name, maxRetries, layer, escape(command), range,
            tag.map(value -> "\n            <tags>" + value + "</tags>").orElse(""));
  }

  /**
   * Launches {@code spec} and waits, up to {@code limit}, until Cuebot finds the job; a timeout
   * says {@code why}.
   */
  public static CuebotJob launch(JsonApi api, String spec, Duration limit, Supplier<String> why) {
    JsonNode answer = api.call("/job.JobInterface/LaunchSpec", Map.of("spec", spec));
    String name = answer.path("names").get(0).asText();
    // LaunchSpec is asynchronous: the job may not be found for a moment.
    List<String> id = new ArrayList<>();
    await("Cuebot created " + name).atMost(limit).pollInterval(Duration.ofMillis(20))
        .untilAsserted(() -> {
          var found = api.send("/job.JobInterface/FindJob", Map.of("name", name));
          assertThat(found.statusCode()).as(why).isEqualTo(200);
          id.add(JsonApi.parse(found.body()).path("job").path("id").asText());
        });
    return new CuebotJob(api, id.get(0), name);
  }

  public JsonNode detail() {
    return api.call("/job.JobInterface/GetJob", Map.of("id", id)).path("job");
  }

  public String state() {
    return detail().path("state").asText();
  }

  public List<JsonNode> frames() {
    JsonNode answer = api.call("/job.JobInterface/GetFrames", Map.of(
        "job", Map.of("id", id), "req", Map.of("page", 1, "limit", 1000)));
    List<JsonNode> frames = new ArrayList<>();
    answer.path("frames").path("frames").forEach(frames::add);
    return frames;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
