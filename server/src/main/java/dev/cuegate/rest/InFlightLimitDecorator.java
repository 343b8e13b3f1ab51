package dev.cuegate.rest;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.Status;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Refuses requests beyond {@code MAX_IN_FLIGHT} at once with 503 and {@code Retry-After}, so that
 * overload turns into quick answers a client can back off from instead of an unbounded queue.
 */
public final class InFlightLimitDecorator implements DecoratingHttpServiceFunction {
  private final int max;
  private final AtomicInteger inFlight = new AtomicInteger();

  public InFlightLimitDecorator(int max) {
    this.max = max;
  }

  @Override
  public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req)
      throws Exception {
    if (inFlight.incrementAndGet() > max) {
      inFlight.decrementAndGet();
      ApiError busy =
          ApiError.of(
              Status.Code.UNAVAILABLE,
              "too many requests in flight (MAX_IN_FLIGHT=" + max + "); retry shortly");
      return busy.toResponse(busy.headers().set(HttpHeaderNames.RETRY_AFTER, "1"));
    }
    // The log completes once both the request and the response are done, whichever way.
    RequestEnd.whenComplete(ctx, log -> inFlight.decrementAndGet());
    return delegate.serve(ctx, req);
  }

  /** Requests being served now. */
  int inFlight() {
    return inFlight.get();
  }
}
