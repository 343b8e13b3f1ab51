package dev.cuegate.admin;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.logging.RequestLog;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.cuegate.contract.ApiMethod;
import dev.cuegate.rest.RequestAttributes;
import dev.cuegate.rest.RequestEnd;
import dev.cuegate.rest.ResponseStatus;

/**
 * Feeds every finished request into {@link GatewayMetrics}, labelled by the RPC it resolved to. A
 * request that never resolved (unknown path, rejected before routing) is labelled {@code unknown},
 * so that clients cannot create label values at will.
 */
final class RequestMetricsDecorator implements DecoratingHttpServiceFunction {
  /** The route pattern of the catch-all API service. */
  private static final String CATCH_ALL = "/*";

  private final GatewayMetrics metrics;

  RequestMetricsDecorator(GatewayMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req)
      throws Exception {
    metrics.requestStarted();
    RequestEnd.whenComplete(ctx, log -> finished(ctx, log));
    return delegate.serve(ctx, req);
  }

  private void finished(ServiceRequestContext ctx, RequestLog log) {
    String service;
    String method;
    ApiMethod api = ctx.attr(RequestAttributes.METHOD);
    String route = ctx.config().route().patternString();
    if (api != null) {
      service = api.serviceName();
      method = api.methodName();
    } else if (CATCH_ALL.equals(route)) {
      service = GatewayMetrics.UNKNOWN;
      method = GatewayMetrics.UNKNOWN;
    } else {
      // Fixed routes of the gateway itself (/config, Shaman): the route pattern is bounded.
      service = "http";
      method = route;
    }
    int status = ResponseStatus.of(log);
    metrics.requestFinished(
        service, method, status, log.totalDurationNanos(), log.requestLength(),
        log.responseLength());
  }
}
