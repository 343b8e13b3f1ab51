package dev.cuegate.rest;

import com.linecorp.armeria.common.ClosedSessionException;
import com.linecorp.armeria.common.logging.RequestLog;
import com.linecorp.armeria.common.stream.AbortedStreamException;
import com.linecorp.armeria.common.stream.CancelledSubscriptionException;
import com.linecorp.armeria.common.stream.ClosedStreamException;
import java.nio.channels.ClosedChannelException;

/**
 * The status a finished request is logged and counted with: the status that was answered, or
 * 499 (nginx's "client closed request") when the client went away before the answer was written.
 * A request the server itself cut short is never 499: shutdown answers those with 503.
 */
public final class ResponseStatus {
  /** A client that closed its connection or stream before the answer. */
  public static final int CLIENT_CLOSED_REQUEST = 499;

  private ResponseStatus() {}

  /** The status of a complete {@code log}. */
  public static int of(RequestLog log) {
    Throwable cause = log.responseCause();
    if (cause != null && clientWentAway(cause)) {
      return CLIENT_CLOSED_REQUEST;
    }
    return log.responseHeaders().status().code();
  }

  private static boolean clientWentAway(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof ClosedSessionException
          || t instanceof ClosedStreamException
          || t instanceof ClosedChannelException
          || t instanceof CancelledSubscriptionException
          || t instanceof AbortedStreamException) {
        return true;
      }
    }
    return false;
  }
}
