package dev.cuegate.rest;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.cuegate.auth.AuthException;
import dev.cuegate.auth.TokenVerifier;
import io.grpc.Status;
import java.util.function.Consumer;

/**
 * Lets a request through only with a valid bearer token, and records who sent it.
 *
 * <p>CORS preflight ({@code OPTIONS}) passes untouched: browsers never attach credentials to it.
 */
public final class BearerAuthDecorator implements DecoratingHttpServiceFunction {
  private final TokenVerifier verifier;
  private final Consumer<AuthException> onFailure;

  /**
   * @param onFailure told about every rejected request (metrics count them by reason)
   */
  public BearerAuthDecorator(TokenVerifier verifier, Consumer<AuthException> onFailure) {
    this.verifier = verifier;
    this.onFailure = onFailure;
  }

  @Override
  public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req)
      throws Exception {
    if (req.method() == HttpMethod.OPTIONS) {
      return delegate.serve(ctx, req);
    }
    try {
      ctx.setAttr(
          RequestAttributes.PRINCIPAL,
          verifier.verify(req.headers().get(HttpHeaderNames.AUTHORIZATION)));
    } catch (AuthException e) {
      onFailure.accept(e);
      ApiError unauthenticated = ApiError.of(Status.Code.UNAUTHENTICATED, e.getMessage());
      return unauthenticated.toResponse(
          unauthenticated.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, challenge(e)));
    }
    return delegate.serve(ctx, req);
  }

  /** RFC 6750: no error code when no token was sent at all, {@code invalid_token} otherwise. */
  private static String challenge(AuthException e) {
    if ("missing_token".equals(e.reason())) {
      return "Bearer realm=\"cuegate\"";
    }
    String description = e.getMessage().replace("\\", "").replace("\"", "'");
    return "Bearer realm=\"cuegate\", error=\"invalid_token\", error_description=\""
        + description
        + "\"";
  }
}
