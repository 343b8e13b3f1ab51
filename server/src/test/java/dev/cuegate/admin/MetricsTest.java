package dev.cuegate.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cuegate.testing.GatewayExtension;
import io.grpc.Status;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What {@code /metrics} shows after calls through the API port.
 *
 * <p>A call is counted when its request log completes, which may be just after the client has its
 * answer; so counts are awaited, not read once.
 */
class MetricsTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static final String GET_SHOWS = "show.ShowInterface/GetShows";

  @Test
  void aSuccessfulCallIsCountedByServiceMethodAndStatus() {
    double before = value("cuegate_requests_total",
        "method=\"GetShows\",service=\"show.ShowInterface\",status=\"200\"");

    assertThat(gateway.post("/" + GET_SHOWS, "{}").statusCode()).isEqualTo(200);

    awaitValue("cuegate_requests_total",
        "method=\"GetShows\",service=\"show.ShowInterface\",status=\"200\"", before + 1);
  }

  @Test
  void requestLatencyIsAHistogramWithBucketsFromHalfAMillisecondToThirtySeconds() {
    gateway.post("/" + GET_SHOWS, "{}");

    awaitScrape(metrics -> assertThat(metrics)
        .contains("cuegate_request_duration_seconds_bucket{method=\"GetShows\","
            + "service=\"show.ShowInterface\",le=\"5.0E-4\"}")
        .contains("cuegate_request_duration_seconds_bucket{method=\"GetShows\","
            + "service=\"show.ShowInterface\",le=\"30.0\"}")
        .contains("cuegate_request_size_bytes_count{method=\"GetShows\"")
        .contains("cuegate_response_size_bytes_count{method=\"GetShows\""));
  }

  @Test
  void upstreamCallsAreTimedByMethodAndGrpcCode() {
    gateway.cuebot().failNext(GET_SHOWS, Status.NOT_FOUND);
    double before = value("cuegate_upstream_duration_seconds_count",
        "code=\"NOT_FOUND\",method=\"GetShows\",service=\"show.ShowInterface\"");

    assertThat(gateway.post("/" + GET_SHOWS, "{}").statusCode()).isEqualTo(404);

    awaitValue("cuegate_upstream_duration_seconds_count",
        "code=\"NOT_FOUND\",method=\"GetShows\",service=\"show.ShowInterface\"", before + 1);
  }

  @Test
  void unknownPathsShareOneLabelSoClientsCannotCreateSeries() {
    gateway.post("/no.Such/Path1", "{}");
    gateway.post("/no.Such/Path2", "{}");

    awaitScrape(metrics -> assertThat(metrics)
        .contains("cuegate_requests_total{method=\"unknown\",service=\"unknown\",status=\"404\"}")
        .doesNotContain("Path1")
        .doesNotContain("Path2"));
  }

  @Test
  void authenticationFailuresAreCountedByReason() {
    double before = value("cuegate_auth_failures_total", "reason=\"missing_token\"");

    int status =
        gateway
            .send(
                HttpRequest.newBuilder(gateway.uri("/" + GET_SHOWS))
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build())
            .statusCode();

    assertThat(status).isEqualTo(401);
    awaitValue("cuegate_auth_failures_total", "reason=\"missing_token\"", before + 1);
  }

  @Test
  void theUpstreamChannelStateIsAGaugePerState() {
    gateway.post("/" + GET_SHOWS, "{}");

    assertThat(value("cuegate_upstream_state", "state=\"READY\"")).isEqualTo(1);
    assertThat(value("cuegate_upstream_state", "state=\"TRANSIENT_FAILURE\"")).isZero();
  }

  private static void awaitValue(String name, String labels, double expected) {
    await().atMost(Duration.ofSeconds(10)).until(() -> value(name, labels), v -> v == expected);
  }

  private static void awaitScrape(Consumer<String> assertion) {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertion.accept(scrape()));
  }

  private static String scrape() {
    return gateway.admin("/metrics").body();
  }

  /** The sample's value, or 0 when the series does not exist yet. */
  private static double value(String name, String labels) {
    Matcher sample =
        Pattern.compile("(?m)^" + Pattern.quote(name + "{" + labels + "}") + " (\\S+)$")
            .matcher(scrape());
    return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
  }
}
