package dev.cuegate.tracing;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.logging.RequestLog;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.cuegate.contract.ApiMethod;
import dev.cuegate.logging.LogContext;
import dev.cuegate.rest.RequestAttributes;
import dev.cuegate.rest.RequestEnd;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.function.Supplier;

/**
 * One server span per request, continuing the caller's W3C trace context. Whenever Armeria runs
 * code for the request, the span is the current OpenTelemetry context and the request and trace ids
 * are in the log MDC, so the upstream call and every log line belong to the request.
 */
final class ServerSpanDecorator implements DecoratingHttpServiceFunction {
  private static final TextMapGetter<RequestHeaders> HEADERS =
      (headers, key) -> headers == null ? null : headers.get(key);

  private final Tracer tracer;
  private final TextMapPropagator propagator;

  ServerSpanDecorator(Tracer tracer, TextMapPropagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  @Override
  public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req)
      throws Exception {
    Context parent = propagator.extract(Context.root(), req.headers(), HEADERS);
    Span span =
        tracer
            .spanBuilder(req.method().name())
            .setParent(parent)
            .setSpanKind(SpanKind.SERVER)
            .setAttribute("http.request.method", req.method().name())
            .setAttribute("url.path", ctx.path())
            .startSpan();
    Context traced = parent.with(span);
    SpanContext ids = span.getSpanContext();
    String traceId = ids.isValid() ? ids.getTraceId() : null;
    String spanId = ids.isValid() ? ids.getSpanId() : null;
    if (traceId != null) {
      ctx.setAttr(RequestAttributes.TRACE_ID, traceId);
    }
    String requestId = ctx.attr(RequestAttributes.REQUEST_ID);
    Supplier<LogContext.Scope> enter =
        () -> {
          Scope otel = traced.makeCurrent();
          LogContext.Scope mdc = LogContext.enter(requestId, traceId, spanId);
          return () -> {
            mdc.close();
            otel.close();
          };
        };
    ctx.hook(enter);
    RequestEnd.whenComplete(ctx, log -> end(span, ctx, log));
    // The hook applies from the next time the context is entered; this thread entered it already.
    LogContext.Scope scope = enter.get();
    try {
      return delegate.serve(ctx, req);
    } finally {
      scope.close();
    }
  }

  private static void end(Span span, ServiceRequestContext ctx, RequestLog log) {
    ApiMethod method = ctx.attr(RequestAttributes.METHOD);
    String route =
        method != null ? "/" + method.fullName() : ctx.config().route().patternString();
    span.updateName(log.requestHeaders().method().name() + " " + route);
    span.setAttribute("http.route", route);
    int status = log.responseHeaders().status().code();
    span.setAttribute("http.response.status_code", status);
    Throwable cause = log.responseCause();
    if (cause != null) {
      span.recordException(cause);
    }
    if (status >= 500 || cause != null) {
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }
}
