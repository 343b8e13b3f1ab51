package dev.cuegate.worker;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.netty.util.AttributeKey;
import java.util.concurrent.CompletableFuture;

/**
 * Lets a worker's request through only with its HTTP Basic credentials, and records which
 * worker sent it. Checking a secret may hash it slowly, so the check runs off the event loop.
 */
final class WorkerAuthDecorator implements DecoratingHttpServiceFunction {
  /** The authenticated worker's id. */
  static final AttributeKey<String> WORKER_ID =
      AttributeKey.valueOf(WorkerAuthDecorator.class, "WORKER_ID");

  private final WorkerAuthenticator authenticator;

  WorkerAuthDecorator(WorkerAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) {
    String authorization = req.headers().get(HttpHeaderNames.AUTHORIZATION);
    return HttpResponse.of(CompletableFuture.supplyAsync(() -> {
      try {
        ctx.setAttr(WORKER_ID, authenticator.authenticate(authorization));
        return delegate.serve(ctx, req);
      } catch (WorkerException e) {
        return WorkerRoutes.refusal(e);
      } catch (Exception e) {
        return HttpResponse.ofFailure(e);
      }
    }, ctx.blockingTaskExecutor()));
  }

  /** The worker the request was authenticated as. */
  static String workerId(ServiceRequestContext ctx) {
    String id = ctx.attr(WORKER_ID);
    if (id == null) {
      throw new IllegalStateException("a worker route is mounted without worker authentication");
    }
    return id;
  }
}
