package dev.cuegate.tracing;

import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import dev.cuegate.config.GatewayConfig;
import io.grpc.ClientInterceptor;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.Map;

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

  /**
   * Without an OTLP endpoint, a bare SDK that records spans in the process only; with one, the SDK
   * as the standard {@code OTEL_*} variables of the process configure it. The bare SDK also keeps
   * start-up fast: the autoconfiguration scans the class path and probes the host.
   */
  public static Tracing start(GatewayConfig.Operations config) {
    if (config.otlpEndpoint().isEmpty()) {
      return new Tracing(
          OpenTelemetrySdk.builder()
              .setTracerProvider(
                  SdkTracerProvider.builder().addSpanProcessor(KeepLocal.INSTANCE).build())
              .setPropagators(
                  ContextPropagators.create(
                      TextMapPropagator.composite(
                          W3CTraceContextPropagator.getInstance(),
                          W3CBaggagePropagator.getInstance())))
              .build());
    }
    String endpoint = config.otlpEndpoint().get();
    return new Tracing(
        AutoConfiguredOpenTelemetrySdk.builder()
            .addPropertiesSupplier(() -> defaults(endpoint))
            .addTracerProviderCustomizer(
                (tracers, properties) -> tracers.addSpanProcessor(KeepLocal.INSTANCE))
            .disableShutdownHook()
            .build()
            .getOpenTelemetrySdk());
  }

  /** What applies unless the environment says otherwise. */
  private static Map<String, String> defaults(String otlpEndpoint) {
    return Map.of(
        "otel.service.name", "cuegate",
        "otel.exporter.otlp.endpoint", otlpEndpoint,
        // The specification's default (the Java SDK's is grpc, whose sender is not shipped).
        "otel.exporter.otlp.protocol", "http/protobuf",
        // Metrics are scraped from the admin port, and logs go to stdout and the log file.
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

  Tracer tracer() {
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
