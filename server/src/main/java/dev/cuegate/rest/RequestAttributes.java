package dev.cuegate.rest;

import dev.cuegate.auth.Principal;
import dev.cuegate.contract.ApiMethod;
import io.grpc.Status;
import io.netty.util.AttributeKey;

/** What the request path learns about a request, shared with logging and metrics. */
public final class RequestAttributes {
  /** The caller, once the token is verified. */
  public static final AttributeKey<Principal> PRINCIPAL =
      AttributeKey.valueOf(RequestAttributes.class, "PRINCIPAL");

  /** The RPC the request resolved to. */
  public static final AttributeKey<ApiMethod> METHOD =
      AttributeKey.valueOf(RequestAttributes.class, "METHOD");

  /**
   * The caller's authorization scope: callers of equal scopes may call the same methods, so they
   * may share answers. Unset without an authorization policy, where every caller may call all.
   */
  public static final AttributeKey<String> SCOPE =
      AttributeKey.valueOf(RequestAttributes.class, "SCOPE");

  /** The id echoed in {@code X-Request-Id}: the client's, or one made up for the request. */
  public static final AttributeKey<String> REQUEST_ID =
      AttributeKey.valueOf(RequestAttributes.class, "REQUEST_ID");

  /** The W3C trace id of the request's server span. */
  public static final AttributeKey<String> TRACE_ID =
      AttributeKey.valueOf(RequestAttributes.class, "TRACE_ID");

  /** The gRPC status the call ended with, once it has one (audit lines report it). */
  public static final AttributeKey<Status.Code> GRPC_CODE =
      AttributeKey.valueOf(RequestAttributes.class, "GRPC_CODE");

  private RequestAttributes() {}
}
