package dev.cuegate.rest;

import com.linecorp.armeria.server.ServiceRequestContext;
import dev.cuegate.contract.MethodRegistry;
import dev.cuegate.contract.Operation;
import java.util.Optional;

/**
 * Names the operation a request asks for, so that {@link AuthzDecorator} and
 * {@link AuditDecorator} guard RPCs and the other routes people call in one way.
 */
@FunctionalInterface
public interface RequestOperation {

  /** The operation, or empty when the request names none (an unknown RPC path: a 404 follows). */
  Optional<Operation> of(ServiceRequestContext ctx);

  /** The RPC a {@code /<package>.<Service>/<Method>} path names, aliases included. */
  static RequestOperation rpc(MethodRegistry registry) {
    return ctx -> ApiService.resolve(registry, ctx).map(Operation.class::cast);
  }
}
