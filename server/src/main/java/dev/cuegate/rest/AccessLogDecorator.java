package dev.cuegate.rest;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.logging.RequestLog;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.cuegate.auth.Principal;
import dev.cuegate.logging.LogContext;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the {@code cuegate.access} logger, and the request id echoed back in
 * {@code X-Request-Id} so a user can quote it.
 */
public final class AccessLogDecorator implements DecoratingHttpServiceFunction {
  private static final Logger ACCESS = LoggerFactory.getLogger("cuegate.access");
  /** A client-chosen id is reused only if it is short and harmless in a log line. */
  private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  static final String REQUEST_ID_HEADER = "x-request-id";

  @Override
  public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req)
      throws Exception {
    String requestId = req.headers().get(REQUEST_ID_HEADER);
    if (requestId == null || !SAFE_REQUEST_ID.matcher(requestId).matches()) {
      requestId = ctx.id().text();
    }
    String id = requestId;
    ctx.setAttr(RequestAttributes.REQUEST_ID, id);
    ctx.addAdditionalResponseHeader(REQUEST_ID_HEADER, id);
    ctx.log().whenComplete().thenAccept(log -> write(ctx, log, id));
    return delegate.serve(ctx, req);
  }

  private static void write(ServiceRequestContext ctx, RequestLog log, String requestId) {
    if (!ACCESS.isInfoEnabled()) {
      return;
    }
    Principal principal = ctx.attr(RequestAttributes.PRINCIPAL);
    int status = ResponseStatus.of(log);
    long micros = TimeUnit.NANOSECONDS.toMicros(log.totalDurationNanos());
    LogContext.Scope ids = LogContext.enter(requestId, ctx.attr(RequestAttributes.TRACE_ID), null);
    try {
      ACCESS.info(
          "{} {} {} {}.{}ms sub={} id={} client={}",
          log.requestHeaders().method(),
          log.requestHeaders().path(),
          status,
          micros / 1000,
          String.format("%03d", micros % 1000),
          principal == null ? "-" : principal.subject(),
          requestId,
          ctx.clientAddress().getHostAddress());
    } finally {
      ids.close();
    }
  }
}
