package dev.cuegate.rest;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.logging.RequestLog;
import com.linecorp.armeria.common.stream.StreamMessage;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.cuegate.audit.AuditLog;
import dev.cuegate.audit.AuditTargets;
import dev.cuegate.auth.Principal;
import dev.cuegate.contract.Operation;
import io.grpc.Status;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * Writes an audit line for every call of an operation that changes something (anything outside
 * the read-only set), whether it was allowed, refused or failed. Must run after
 * {@link BearerAuthDecorator} and before {@link AuthzDecorator}, so refusals are audited too.
 */
public final class AuditDecorator implements DecoratingHttpServiceFunction {
  private final RequestOperation operations;
  private final AuditLog audit;
  private final Clock clock;

  public AuditDecorator(RequestOperation operations, AuditLog audit, Clock clock) {
    this.operations = operations;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req)
      throws Exception {
    Optional<Operation> method = operations.of(ctx);
    if (method.isEmpty() || method.get().isReadOnly() || req.method() != HttpMethod.POST) {
      return delegate.serve(ctx, req);
    }
    // The body is read here to find the targets, then handed on whole; a body that cannot be read
    // (too large, reset) is handed on as the same failure so the service answers as usual.
    return HttpResponse.of(
        req.aggregate()
            .handle(
                (body, failure) -> {
                  Map<String, String> targets = targets(ctx, body);
                  RequestEnd.whenComplete(ctx, log -> write(ctx, log, method.get(), targets));
                  return serveQuietly(delegate, ctx, replay(req, body, failure));
                }));
  }

  /** The path's parameters (a worker route names its worker there), then the body's ids. */
  private static Map<String, String> targets(
      ServiceRequestContext ctx, AggregatedHttpRequest body) {
    Map<String, String> targets = new LinkedHashMap<>(ctx.pathParams());
    if (body != null) {
      targets.putAll(AuditTargets.of(body.content().array()));
    }
    return targets;
  }

  private static HttpRequest replay(HttpRequest req, AggregatedHttpRequest body, Throwable failure) {
    if (body != null) {
      return body.toHttpRequest();
    }
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
    return HttpRequest.of(req.headers(), StreamMessage.aborted(cause));
  }

  private static HttpResponse serveQuietly(
      HttpService delegate, ServiceRequestContext ctx, HttpRequest req) {
    try {
      return delegate.serve(ctx, req);
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }

  private void write(
      ServiceRequestContext ctx, RequestLog log, Operation method, Map<String, String> targets) {
    HttpStatus status = log.responseHeaders().status();
    Status.Code code = ctx.attr(RequestAttributes.GRPC_CODE);
    if (log.responseCause() != null && ctx.isCancelled()) {
      status = HttpStatus.valueOf(499);
      code = Status.Code.CANCELLED;
    } else if (code == null) {
      code = JsonErrorHandler.codeFor(status);
    }
    Principal principal = ctx.attr(RequestAttributes.PRINCIPAL);
    String requestId = ctx.additionalResponseHeaders().get(AccessLogDecorator.REQUEST_ID_HEADER);
    audit.write(
        new AuditLog.Entry(
            clock.instant(),
            requestId == null ? ctx.id().text() : requestId,
            principal == null ? "" : principal.subject(),
            ctx.clientAddress().getHostAddress(),
            method.fullName(),
            targets,
            status.code(),
            code.value(),
            code.name()));
  }
}
