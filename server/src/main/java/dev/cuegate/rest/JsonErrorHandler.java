package dev.cuegate.rest;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.server.HttpResponseException;
import com.linecorp.armeria.server.HttpStatusException;
import com.linecorp.armeria.server.ServerErrorHandler;
import com.linecorp.armeria.server.ServiceConfig;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the answers the HTTP server produces on its own (a body over the limit, a request
 * timeout, a request during shutdown, a bug) the same JSON body as every other error, and keeps
 * stack traces out of them.
 */
public final class JsonErrorHandler implements ServerErrorHandler {
  private static final Logger log = LoggerFactory.getLogger(JsonErrorHandler.class);

  @Override
  public HttpResponse onServiceException(ServiceRequestContext ctx, Throwable cause) {
    if (cause instanceof HttpStatusException || cause instanceof HttpResponseException) {
      return null;
    }
    log.error("unexpected failure serving {} (request {})", ctx.path(), ctx.id().text(), cause);
    return ApiError.of(Status.Code.INTERNAL, "internal error; request id " + ctx.id().text())
        .toResponse();
  }

  @Override
  public AggregatedHttpResponse renderStatus(
      ServiceRequestContext ctx,
      ServiceConfig config,
      RequestHeaders headers,
      HttpStatus status,
      String description,
      Throwable cause) {
    ApiError error = new ApiError(codeFor(status), status, messageFor(status, description));
    return AggregatedHttpResponse.of(error.headers().build(), HttpData.wrap(error.toJson()));
  }

  private static String messageFor(HttpStatus status, String description) {
    if (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE) {
      return "request body is larger than the limit (MAX_REQUEST_BYTES)";
    }
    return description != null ? description : status.reasonPhrase();
  }

  /** The gRPC code an HTTP status stands for when nothing more precise is known. */
  static Status.Code codeFor(HttpStatus status) {
    if (status.isSuccess()) {
      return Status.Code.OK;
    }
    switch (status.code()) {
      case 400:
      case 413:
      case 431:
        return Status.Code.INVALID_ARGUMENT;
      case 401:
        return Status.Code.UNAUTHENTICATED;
      case 403:
        return Status.Code.PERMISSION_DENIED;
      case 404:
        return Status.Code.NOT_FOUND;
      case 405:
      case 501:
        return Status.Code.UNIMPLEMENTED;
      case 408:
      case 504:
        return Status.Code.DEADLINE_EXCEEDED;
      case 429:
        return Status.Code.RESOURCE_EXHAUSTED;
      case 503:
        return Status.Code.UNAVAILABLE;
      default:
        return Status.Code.UNKNOWN;
    }
  }
}
