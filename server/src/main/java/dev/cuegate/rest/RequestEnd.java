package dev.cuegate.rest;

import com.linecorp.armeria.common.logging.RequestLog;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.netty.util.AttributeKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What runs once a request's log is complete (access log, metrics, the server span, in-flight
 * counts), in the order it was asked for, behind one listener on the log per request: each
 * listener costs Armeria a future of its own (docs/PERFORMANCE.md).
 */
public final class RequestEnd {
  private static final Logger log = LoggerFactory.getLogger(RequestEnd.class);
  private static final AttributeKey<RequestEnd> KEY =
      AttributeKey.valueOf(RequestEnd.class, "REQUEST_END");

  private List<Consumer<? super RequestLog>> pending = new ArrayList<>(4);
  private RequestLog completed;

  private RequestEnd() {}

  /**
   * Runs {@code action} once the log of {@code ctx} is complete, or at once if it is already;
   * an action that throws keeps none of the others from running.
   */
  public static void whenComplete(ServiceRequestContext ctx, Consumer<? super RequestLog> action) {
    RequestEnd end = ctx.ownAttr(KEY);
    if (end == null) {
      end = new RequestEnd();
      ctx.setAttr(KEY, end);
      ctx.log().whenComplete().thenAccept(end::complete);
    }
    end.add(action);
  }

  private void add(Consumer<? super RequestLog> action) {
    RequestLog done;
    synchronized (this) {
      done = completed;
      if (done == null) {
        pending.add(action);
        return;
      }
    }
    run(action, done);
  }

  private void complete(RequestLog requestLog) {
    List<Consumer<? super RequestLog>> due;
    synchronized (this) {
      completed = requestLog;
      due = pending;
      pending = null;
    }
    for (Consumer<? super RequestLog> action : due) {
      run(action, requestLog);
    }
  }

  private static void run(Consumer<? super RequestLog> action, RequestLog requestLog) {
    try {
      action.accept(requestLog);
    } catch (RuntimeException e) {
      log.warn("a task run at the end of a request failed", e);
    }
  }
}
