package dev.cuegate.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.cuegate.config.GatewayConfig;
import io.opentelemetry.api.trace.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TracingTest {

  private static GatewayConfig.Operations otlp(Optional<String> endpoint) {
    return new GatewayConfig.Operations(false, Optional.empty(), 0, endpoint);
  }

  @Test
  void withoutAnEndpointSpansStillHaveIdsForLogsAndCuebot() {
    try (Tracing tracing = Tracing.start(otlp(Optional.empty()))) {
      Span span = tracing.tracer().spanBuilder("request").startSpan();
      span.end();

      assertThat(span.getSpanContext().isValid()).isTrue();
      assertThat(span.getSpanContext().isSampled()).isTrue();
    }
  }

  @Test
  void withAnEndpointSpansAreExportedOverOtlpHttp() throws Exception {
    CompletableFuture<String> received = new CompletableFuture<>();
    HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    collector.createContext("/", exchange -> {
      try (InputStream body = exchange.getRequestBody()) {
        body.readAllBytes();
      }
      received.complete(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
          + " " + exchange.getRequestHeaders().getFirst("Content-Type"));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    collector.start();
    try {
      String endpoint = "http://127.0.0.1:" + collector.getAddress().getPort();
      Tracing tracing = Tracing.start(otlp(Optional.of(endpoint)));
      tracing.tracer().spanBuilder("request").startSpan().end();

      // Closing flushes the batch of finished spans to the collector.
      tracing.close();

      assertThat(received.get(30, TimeUnit.SECONDS))
          .isEqualTo("POST /v1/traces application/x-protobuf");
    } finally {
      collector.stop(0);
    }
  }

  @Test
  void closingWithoutAnEndpointNeverFails() throws IOException {
    Tracing tracing = Tracing.start(otlp(Optional.empty()));

    tracing.close();

    assertThat(tracing.tracer().spanBuilder("after").startSpan().isRecording()).isFalse();
  }
}
