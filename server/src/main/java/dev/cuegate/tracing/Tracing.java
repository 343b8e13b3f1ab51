package dev.cuegate.tracing;

import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import dev.cuegate.config.GatewayConfig;
import io.grpc.ClientInterceptor;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * W3C trace context for every request: a server span continues the caller's {@code traceparent},
 * a client span covers the Cuebot call and travels to Cuebot as gRPC metadata.
 *
 * <p>Spans are exported over OTLP only when {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set; the other
 * standard {@code OTEL_*} variables then tune the export. Without it, no exporter exists and
 * nothing leaves the process, but trace ids still reach the logs and Cuebot.
 */
public final class Tracing implements AutoCloseable {
  private static final String INSTRUMENTATION = "dev.cuegate";

  private final OpenTelemetrySdk telemetry;

  private Tracing(OpenTelemetrySdk telemetry) {
    this.telemetry = telemetry;
  }

  /** Configures OpenTelemetry from the standard {@code OTEL_*} variables of the process. */
  public static Tracing start(GatewayConfig.Operations config) {
    OpenTelemetrySdk sdk =
        AutoConfiguredOpenTelemetrySdk.builder()
            .addPropertiesSupplier(() -> defaults(config.otlpEndpoint()))
            .addPropertiesCustomizer(
                properties -> config.otlpEndpoint().isPresent() ? Map.of() : nothingExported())
            .addTracerProviderCustomizer(
                (tracers, properties) -> tracers.addSpanProcessor(KeepLocal.INSTANCE))
            .disableShutdownHook()
            .build()
            .getOpenTelemetrySdk();
    return new Tracing(sdk);
  }

  /** What applies unless the environment says otherwise. */
  private static Map<String, String> defaults(Optional<String> otlpEndpoint) {
    Map<String, String> defaults = new HashMap<>();
    defaults.put("otel.service.name", "cuegate");
    defaults.put("otel.propagators", "tracecontext,baggage");
    // Metrics are scraped from the admin port, and logs go to stdout and the log file.
    defaults.put("otel.metrics.exporter", "none");
    defaults.put("otel.logs.exporter", "none");
    otlpEndpoint.ifPresent(endpoint -> defaults.put("otel.exporter.otlp.endpoint", endpoint));
    return defaults;
  }

  /** Without an endpoint no exporter is built, whatever else the environment says. */
  private static Map<String, String> nothingExported() {
    return Map.of(
        "otel.traces.exporter", "none",
        "otel.metrics.exporter", "none",
        "otel.logs.exporter", "none");
  }

  /**
   * The SDK hands out non-recording, id-less spans when no span processor exists, which is the
   * case when nothing is exported; this one keeps spans real (ids for logs and for Cuebot) and
   * otherwise does nothing.
   */
  private enum KeepLocal implements SpanProcessor {
    INSTANCE;

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {}

    @Override
    public boolean isEndRequired() {
      return false;
    }
  }

  /** Starts a server span per request and puts trace and request ids into the log MDC. */
  public DecoratingHttpServiceFunction serverDecorator() {
    return new ServerSpanDecorator(tracer(), propagator());
  }

  /** Starts a client span per upstream call and sends its context as gRPC metadata. */
  public ClientInterceptor clientInterceptor() {
    return new ClientSpanInterceptor(tracer(), propagator());
  }

  private Tracer tracer() {
    return telemetry.getTracer(INSTRUMENTATION);
  }

  private TextMapPropagator propagator() {
    return telemetry.getPropagators().getTextMapPropagator();
  }

  /** Flushes spans still queued for export. */
  @Override
  public void close() {
    telemetry.close();
  }
}
