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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the {@code cuegate.access} logger, and the request id echoed back in
 * {@code X-Request-Id} so a user can quote it.
 */
public final class AccessLogDecorator implements DecoratingHttpServiceFunction {
  private static final Logger ACCESS = LoggerFactory.getLogger("cuegate.access");
  private static final int MAX_REQUEST_ID = 128;
  /** "000" to "999": the fraction of a millisecond, without formatting a string per line. */
  private static final String[] THOUSANDTHS = new String[1000];

  static {
    for (int i = 0; i < THOUSANDTHS.length; i++) {
      THOUSANDTHS[i] = Integer.toString(1000 + i).substring(1);
    }
  }

  static final String REQUEST_ID_HEADER = "x-request-id";

  @Override
  public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req)
      throws Exception {
    String requestId = req.headers().get(REQUEST_ID_HEADER);
    if (requestId == null || !isSafe(requestId)) {
      requestId = ctx.id().text();
    }
    String id = requestId;
    ctx.setAttr(RequestAttributes.REQUEST_ID, id);
    ctx.addAdditionalResponseHeader(REQUEST_ID_HEADER, id);
    RequestEnd.whenComplete(ctx, log -> write(ctx, log, id));
    return delegate.serve(ctx, req);
  }

  /** A client-chosen id is reused only if it is short and harmless in a log line. */
  private static boolean isSafe(String requestId) {
    int length = requestId.length();
    if (length == 0 || length > MAX_REQUEST_ID) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = requestId.charAt(i);
      boolean safe = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '.' || c == '_' || c == ':' || c == '-';
      if (!safe) {
        return false;
      }
    }
    return true;
  }

  /**
   * Hands the line to the logger: only immutable values, so that the log writer formats it off
   * the request's thread (see docs/PERFORMANCE.md).
   */
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
          log.requestHeaders().method().name(),
          log.requestHeaders().path(),
          status,
          micros / 1000,
          THOUSANDTHS[(int) (micros % 1000)],
          principal == null ? "-" : principal.subject(),
          requestId,
          ctx.clientAddress().getHostAddress());
    } finally {
      ids.close();
    }
  }
}
