package dev.cuegate.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cuegate.testing.GatewayExtension;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /openapi.json}, {@code /openapi.yaml} and {@code /docs} on a running gateway. */
class OpenApiEndpointTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static HttpResponse<String> getWithoutToken(String path) {
    return gateway.send(HttpRequest.newBuilder(gateway.uri(path)).GET().build());
  }

  @Test
  void specIsPublicAndAValidOpenApi31Document() {
    HttpResponse<String> response = getWithoutToken("/openapi.json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.body(), null, options);
    assertThat(parsed.getMessages()).isEmpty();
    assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    assertThat(parsed.getOpenAPI().getPaths()).containsKey("/show.ShowInterface/GetShows");
  }

  @Test
  void yamlIsTheSameDocumentAsJson() throws IOException {
    HttpResponse<String> yaml = getWithoutToken("/openapi.yaml");
    HttpResponse<String> json = getWithoutToken("/openapi.json");

    assertThat(yaml.statusCode()).isEqualTo(200);
    assertThat(yaml.headers().firstValue("content-type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/yaml"));
    JsonNode fromYaml = new YAMLMapper().readTree(yaml.body());
    assertThat(fromYaml).isEqualTo(new ObjectMapper().readTree(json.body()));
  }

  @Test
  void docsPageIsPublicAndServesSwaggerUiFromTheJar() {
    HttpResponse<String> page = getWithoutToken("/docs");
    HttpResponse<String> script = getWithoutToken("/docs/index.js");
    HttpResponse<String> bundle = getWithoutToken("/docs/swagger-ui/swagger-ui-bundle.js");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/docs/swagger-ui/swagger-ui-bundle.js", "/docs/index.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("\"/openapi.json\"");
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(bundle.body()).contains("SwaggerUIBundle");
  }

  @Test
  void apiCallsAndConfigStillNeedAToken() {
    HttpResponse<String> call =
        gateway.send(
            HttpRequest.newBuilder(gateway.uri("/show.ShowInterface/GetShows"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    HttpResponse<String> config = getWithoutToken("/config");
    HttpResponse<String> docsLookalike = getWithoutToken("/docs/GetShows");

    assertThat(call.statusCode()).isEqualTo(401);
    assertThat(config.statusCode()).isEqualTo(401);
    assertThat(docsLookalike.statusCode()).isEqualTo(401);
  }

  @Test
  void specRefusesOtherMethodsThanGet() {
    HttpResponse<String> response =
        gateway.send(
            HttpRequest.newBuilder(gateway.uri("/openapi.json"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("allow")).hasValue("GET, HEAD");
  }
}
