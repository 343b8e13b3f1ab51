package dev.cuegate.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cuegate.logging.LogContext;
import dev.cuegate.logging.LogSetup;
import dev.cuegate.testing.GatewayExtension;
import io.grpc.Metadata;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** W3C trace context from the HTTP client, through the gateway, to Cuebot's metadata. */
class TraceContextTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static final String GET_SHOWS = "show.ShowInterface/GetShows";
  private static final Metadata.Key<String> TRACEPARENT =
      Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> TRACESTATE =
      Metadata.Key.of("tracestate", Metadata.ASCII_STRING_MARSHALLER);
  private static final Pattern W3C = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN = "00f067aa0ba902b7";

  @Test
  void theCallersTraceContinuesToCuebotUnderANewSpan() {
    HttpResponse<String> response =
        call(
            gateway
                .request("/" + GET_SHOWS)
                .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
                .header("tracestate", "vendor=opaque"));

    assertThat(response.statusCode()).isEqualTo(200);
    Metadata upstream = gateway.cuebot().lastHeaders(GET_SHOWS).orElseThrow();
    String traceparent = upstream.get(TRACEPARENT);
    assertThat(traceparent).matches(W3C).startsWith("00-" + TRACE_ID + "-").endsWith("-01");
    assertThat(spanId(traceparent)).isNotEqualTo(CALLER_SPAN);
    assertThat(upstream.get(TRACESTATE)).isEqualTo("vendor=opaque");
  }

  @Test
  void withoutATraceparentANewTraceStartsAtTheGateway() {
    call(gateway.request("/" + GET_SHOWS));

    String traceparent =
        gateway.cuebot().lastHeaders(GET_SHOWS).orElseThrow().get(TRACEPARENT);
    assertThat(traceparent).matches(W3C);
    assertThat(traceIdOf(traceparent)).isNotEqualTo("0".repeat(32));
  }

  @Test
  void aTraceparentSentAsGrpcMetadataIsReplacedNotDoubled() {
    call(
        gateway
            .request("/" + GET_SHOWS)
            .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
            .header("Grpc-Metadata-traceparent", "00-" + "1".repeat(32) + "-" + "2".repeat(16)
                + "-01"));

    Iterable<String> values =
        gateway.cuebot().lastHeaders(GET_SHOWS).orElseThrow().getAll(TRACEPARENT);
    assertThat(values).singleElement().asString().startsWith("00-" + TRACE_ID + "-");
  }

  @Test
  void theAccessLogLineCarriesTheRequestIdAndTheTraceIdInItsMdc() {
    Logger access = (Logger) LoggerFactory.getLogger(LogSetup.ACCESS_LOGGER);
    Level level = access.getLevel();
    access.setLevel(Level.INFO);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    access.addAppender(lines);
    try {
      HttpResponse<String> response =
          call(
              gateway
                  .request("/" + GET_SHOWS)
                  .header("X-Request-Id", "req-42")
                  .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01"));

      assertThat(response.headers().firstValue("x-request-id")).contains("req-42");
      // Lines of earlier tests' requests may still arrive: this request's line names its id.
      ILoggingEvent line = eventually(lines, "id=req-42");
      assertThat(line.getMDCPropertyMap())
          .containsEntry(LogContext.REQUEST_ID, "req-42")
          .containsEntry(LogContext.TRACE_ID, TRACE_ID);
    } finally {
      access.detachAppender(lines);
      access.setLevel(level);
    }
  }

  /**
   * The line whose message contains {@code text}: the access log is written when the response is
   * complete, which may trail the client.
   */
  private static ILoggingEvent eventually(ListAppender<ILoggingEvent> lines, String text) {
    return await().atMost(Duration.ofSeconds(10)).until(
        () -> List.copyOf(lines.list).stream()
            .filter(event -> event.getFormattedMessage().contains(text)).findFirst(),
        Optional::isPresent).orElseThrow();
  }


  private static HttpResponse<String> call(HttpRequest.Builder request) {
    return gateway.send(request.POST(HttpRequest.BodyPublishers.ofString("{}")).build());
  }

  private static String traceIdOf(String traceparent) {
    return traceparent.split("-")[1];
  }

  private static String spanId(String traceparent) {
    return traceparent.split("-")[2];
  }
}
