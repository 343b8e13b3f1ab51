package dev.cuegate.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.SampleFarm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The request path end to end: HTTP in, gRPC to a real (fake) Cuebot, JSON out. */
class RestGatewayTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  @Test
  void getShowsAnswersWithOpenCuesWrapperNesting() {
    HttpResponse<String> response = gateway.post("/show.ShowInterface/GetShows", "{}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    JsonNode shows = json(response).get("shows").get("shows");
    assertThat(shows.isArray()).isTrue();
    assertThat(shows.findValuesAsText("name")).contains(SampleFarm.SHOW, SampleFarm.OTHER_SHOW);
  }

  @Test
  void answerUsesGrpcGatewayJsonMapping() {
    JsonNode show =
        json(gateway.post("/show.ShowInterface/FindShow", "{\"name\":\"testing\"}")).get("show");

    assertThat(show.get("defaultMinCores").isNumber()).isTrue();
    assertThat(show.get("bookingEnabled").isBoolean()).isTrue();
    JsonNode stats = show.get("showStats");
    assertThat(stats.get("createdFrameCount").isTextual()).isTrue();
    assertThat(stats.get("runningFrames").isInt()).isTrue();
    assertThat(show.has("default_min_cores")).isFalse();
  }

  @Test
  void emptyBodyIsAnEmptyRequest() {
    HttpResponse<String> response =
        gateway.send(
            gateway
                .request("/show.ShowInterface/GetActiveShows")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("shows").get("shows").size()).isPositive();
  }

  @Test
  void upstreamResponseMetadataComesBackAsGrpcMetadataHeaders() {
    HttpResponse<String> response = gateway.post("/show.ShowInterface/GetShows", "{}");

    assertThat(response.headers().firstValue("grpc-metadata-x-cuebot-version")).hasValue("fake-1");
  }

  @Test
  void grpcMetadataHeadersAreForwardedButNeverTheAuthorizationHeader() {
    gateway.send(
        gateway
            .request("/show.ShowInterface/GetShows")
            .header("Grpc-Metadata-X-Pipeline-Step", "publish")
            .header("Grpc-Metadata-Authorization", "Bearer smuggled")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build());

    var headers = gateway.cuebot().lastHeaders("show.ShowInterface/GetShows").orElseThrow();
    assertThat(headers.get(io.grpc.Metadata.Key.of("x-pipeline-step", io.grpc.Metadata.ASCII_STRING_MARSHALLER)))
        .isEqualTo("publish");
    assertThat(headers.keys()).doesNotContain("authorization");
  }

  @Test
  void requestIdIsEchoedOrGenerated() {
    HttpResponse<String> given =
        gateway.send(
            gateway
                .request("/show.ShowInterface/GetShows")
                .header("X-Request-Id", "abc-123")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    HttpResponse<String> generated = gateway.post("/show.ShowInterface/GetShows", "{}");

    assertThat(given.headers().firstValue("x-request-id")).hasValue("abc-123");
    assertThat(generated.headers().firstValue("x-request-id")).hasValueSatisfying(
        id -> assertThat(id).isNotBlank());
  }

  @Test
  void notFoundUpstreamIs404WithTheGrpcErrorBody() {
    HttpResponse<String> response =
        gateway.post("/show.ShowInterface/FindShow", "{\"name\":\"nope\"}");

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode body = json(response);
    assertThat(body.get("code").asInt()).isEqualTo(5);
    assertThat(body.get("message").asText()).contains("nope");
    assertThat(body.get("details").isArray()).isTrue();
    assertThat(body.get("error").asText()).startsWith("rpc error: code = NotFound desc = ");
  }

  @Test
  void unknownMethodIs404WithCode5() {
    HttpResponse<String> response = gateway.post("/show.ShowInterface/Bogus", "{}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("code").asInt()).isEqualTo(5);
  }

  @Test
  void pathsThatAreNotServiceAndMethodAre404() {
    assertThat(gateway.post("/", "{}").statusCode()).isEqualTo(404);
    assertThat(gateway.post("/show.ShowInterface", "{}").statusCode()).isEqualTo(404);
    assertThat(gateway.post("/show.ShowInterface/GetShows/extra", "{}").statusCode())
        .isEqualTo(404);
  }

  @Test
  void hiddenHostReportInterfaceIsNotServed() {
    HttpResponse<String> response =
        gateway.post("/report.RqdReportInterface/ReportStatus", "{}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(gateway.cuebot().callCount("report.RqdReportInterface/ReportStatus")).isZero();
  }

  @Test
  void otherHttpMethodsAre405WithAllow() {
    HttpResponse<String> response =
        gateway.send(gateway.request("/show.ShowInterface/GetShows").GET().build());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("allow")).hasValue("POST");
    assertThat(json(response).get("message").asText()).contains("POST");
  }

  @Test
  void malformedJsonIs400WithCode3() {
    HttpResponse<String> response = gateway.post("/show.ShowInterface/FindShow", "{\"name\":");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("code").asInt()).isEqualTo(3);
    assertThat(gateway.cuebot().callCount("show.ShowInterface/FindShow")).isZero();
  }

  @Test
  void wronglyTypedFieldIs400NamingTheField() {
    HttpResponse<String> response =
        gateway.post("/show.ShowInterface/FindShow", "{\"name\":{\"first\":\"testing\"}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("name");
  }

  @Test
  void configShowsTheEffectiveSettingsWithTheSecretRedacted() {
    HttpResponse<String> response = gateway.send(gateway.request("/config").GET().build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).doesNotContain(dev.cuegate.testing.Tokens.SECRET);
    assertThat(json(response).get("JWT_SECRET").asText()).isEqualTo("[redacted]");
    assertThat(json(response).get("CUEBOT_ENDPOINT").toString())
        .contains(gateway.cuebot().target());
  }

  @Test
  void configNeedsAToken() {
    HttpResponse<String> response =
        gateway.send(java.net.http.HttpRequest.newBuilder(gateway.uri("/config")).GET().build());

    assertThat(response.statusCode()).isEqualTo(401);
  }
}
