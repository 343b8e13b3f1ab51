package dev.cuegate.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.SampleFarm;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The oracle for the schemas: what the gateway really answers validates against what its own
 * {@code /openapi.json} says, for every described method.
 */
class AnswersMatchSpecTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode doc;

  @BeforeAll
  static void fetchSpec() throws IOException {
    doc =
        JSON.readTree(
            gateway.send(HttpRequest.newBuilder(gateway.uri("/openapi.json")).build()).body());
  }

  private static String componentName(JsonNode ref) {
    return ref.asText().substring(ref.asText().lastIndexOf('/') + 1);
  }

  private static void assertMatches(String path, JsonNode operation, HttpResponse<String> answer)
      throws IOException {
    String component =
        answer.statusCode() == 200
            ? componentName(operation.at("/responses/200/content/application~1json/schema/$ref"))
            : OpenApiGenerator.ERROR_SCHEMA;
    Set<ValidationMessage> errors =
        OpenApiSchemasTest.validatorFor(doc, component).validate(JSON.readTree(answer.body()));
    assertThat(errors).as("%s answered %d: %s", path, answer.statusCode(), answer.body()).isEmpty();
  }

  @Test
  void everyMethodsAnswerToAnEmptyRequestMatchesItsSchema() throws IOException {
    int ok = 0;
    Map<Integer, List<String>> byStatus = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
    while (paths.hasNext()) {
      var entry = paths.next();
      HttpResponse<String> answer = gateway.post(entry.getKey(), "{}");
      assertMatches(entry.getKey(), entry.getValue().get("post"), answer);
      ok += answer.statusCode() == 200 ? 1 : 0;
      byStatus.computeIfAbsent(answer.statusCode(), status -> new ArrayList<>())
          .add(entry.getKey());
    }
    // Many of the fake's methods need ids and answer errors, which are checked too.
    assertThat(ok).as("methods by status: %s", byStatus).isGreaterThanOrEqualTo(10);
  }

  @Test
  void richAnswersMatchTheirSchemas() throws IOException {
    String job = "{\"job\":{\"name\":\"" + SampleFarm.LIGHTING_JOB + "\"}}";
    String[][] calls = {
      {"/show.ShowInterface/GetShows", "{}"},
      {"/job.JobInterface/GetJobs", "{\"r\":{\"shows\":[\"testing\"],\"include_finished\":true}}"},
      {"/job.JobInterface/GetLayers", job},
      {"/job.JobInterface/GetFrames", job.replace("}}", "},\"req\":{\"page\":1,\"limit\":100}}")},
      {"/host.HostInterface/FindHost", "{\"name\":\"render-host-001\"}"},
      {"/host.HostInterface/GetProcs", "{\"host\":{\"name\":\"render-host-001\"}}"},
    };
    for (String[] call : calls) {
      HttpResponse<String> answer = gateway.post(call[0], call[1]);
      assertThat(answer.statusCode()).as(call[0] + " " + answer.body()).isEqualTo(200);
      assertMatches(call[0], doc.get("paths").get(call[0]).get("post"), answer);
    }
  }
}
