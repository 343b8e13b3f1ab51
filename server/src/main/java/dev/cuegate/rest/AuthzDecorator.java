package dev.cuegate.rest;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.cuegate.auth.Principal;
import dev.cuegate.authz.AuthzPolicy;
import dev.cuegate.contract.Operation;
import io.grpc.Status;
import java.util.Optional;

/**
 * Lets an authenticated call through only if the authorization policy allows its operation for
 * the token's claims; 403 with gRPC code 7 and the refusing rule otherwise. Must run after
 * {@link BearerAuthDecorator}.
 */
public final class AuthzDecorator implements DecoratingHttpServiceFunction {
  private final RequestOperation operations;
  private final AuthzPolicy policy;

  public AuthzDecorator(RequestOperation operations, AuthzPolicy policy) {
    this.operations = operations;
    this.policy = policy;
  }

  @Override
  public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req)
      throws Exception {
    Optional<Operation> method = operations.of(ctx);
    Principal principal = ctx.attr(RequestAttributes.PRINCIPAL);
    // Unknown RPC paths get their 404 from the service; there is nothing to authorize.
    if (method.isEmpty()) {
      return delegate.serve(ctx, req);
    }
    AuthzPolicy.Decision decision =
        principal == null
            ? new AuthzPolicy.Decision(false, "no authenticated caller")
            : policy.decide(principal, method.get());
    if (decision.allowed()) {
      ctx.setAttr(RequestAttributes.SCOPE, policy.scope(principal));
      return delegate.serve(ctx, req);
    }
    ctx.setAttr(RequestAttributes.GRPC_CODE, Status.Code.PERMISSION_DENIED);
    return ApiError.of(Status.Code.PERMISSION_DENIED, decision.reason()).toResponse();
  }
}
