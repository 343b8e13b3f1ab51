package dev.cuegate.rest;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.cuegate.auth.Principal;
import dev.cuegate.traffic.RateLimiter;
import io.grpc.Status;
import java.time.Duration;
import java.util.function.Function;

/** Answers 429 with {@code Retry-After} when a caller has used up its allowance. */
public final class RateLimitDecorator implements DecoratingHttpServiceFunction {
  private final RateLimiter limiter;
  private final Function<ServiceRequestContext, String> caller;
  private final String callerKind;

  private RateLimitDecorator(
      RateLimiter limiter, Function<ServiceRequestContext, String> caller, String callerKind) {
    this.limiter = limiter;
    this.caller = caller;
    this.callerKind = callerKind;
  }

  /**
   * Limits by client address; placed before authentication, so a flood of bad tokens is slowed
   * down before any signature is checked.
   */
  public static RateLimitDecorator byClientAddress(RateLimiter limiter) {
    return new RateLimitDecorator(limiter, RateLimitDecorator::address, "client address");
  }

  /** Limits by token subject; placed after authentication, which sets the subject. */
  public static RateLimitDecorator bySubject(RateLimiter limiter) {
    return new RateLimitDecorator(limiter, RateLimitDecorator::subject, "token subject");
  }

  private static String address(ServiceRequestContext ctx) {
    return "addr:" + ctx.clientAddress().getHostAddress();
  }

  /** Tokens without a subject cannot be told apart, so they count against their address. */
  private static String subject(ServiceRequestContext ctx) {
    Principal principal = ctx.attr(RequestAttributes.PRINCIPAL);
    if (principal == null || principal.subject().isEmpty()) {
      return address(ctx);
    }
    return "sub:" + principal.subject();
  }

  @Override
  public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req)
      throws Exception {
    Duration wait = limiter.acquire(caller.apply(ctx));
    if (wait.isZero()) {
      return delegate.serve(ctx, req);
    }
    long seconds = retryAfterSeconds(wait);
    ApiError tooMany =
        ApiError.of(
            Status.Code.RESOURCE_EXHAUSTED,
            "rate limit exceeded for this " + callerKind + "; retry after " + seconds + "s");
    return tooMany.toResponse(
        tooMany.headers().set(HttpHeaderNames.RETRY_AFTER, Long.toString(seconds)));
  }

  /** Whole seconds, rounded up and at least 1: {@code Retry-After: 0} invites a retry storm. */
  static long retryAfterSeconds(Duration wait) {
    long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
