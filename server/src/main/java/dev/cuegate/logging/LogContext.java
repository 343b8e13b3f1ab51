package dev.cuegate.logging;

import java.util.List;
import org.slf4j.MDC;

/**
 * The request a log line belongs to, carried in the MDC so that every line written while a request
 * is handled names it.
 */
public final class LogContext {
  /** The id echoed in {@code X-Request-Id}. */
  public static final String REQUEST_ID = "requestId";
  /** The W3C trace id (32 hex digits). */
  public static final String TRACE_ID = "traceId";
  /** The span the line was written in (16 hex digits). */
  public static final String SPAN_ID = "spanId";

  static final List<String> KEYS = List.of(REQUEST_ID, TRACE_ID, SPAN_ID);
  private static final Scope NOTHING = () -> {};

  private LogContext() {}

  /** Undoes {@link #enter}; closing never fails. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Puts the ids into this thread's MDC until the scope is closed, which restores what was there
   * before (a request context may be entered again on a thread that already has it). Null ids are
   * left out.
   */
  public static Scope enter(String requestId, String traceId, String spanId) {
    String previousRequest = MDC.get(REQUEST_ID);
    String previousTrace = MDC.get(TRACE_ID);
    String previousSpan = MDC.get(SPAN_ID);
    // Armeria enters a request's context for each callback, mostly on a thread that is in it
    // already: then there is nothing to put and nothing to restore.
    if (same(previousRequest, requestId) && same(previousTrace, traceId)
        && same(previousSpan, spanId)) {
      return NOTHING;
    }
    put(REQUEST_ID, requestId);
    put(TRACE_ID, traceId);
    put(SPAN_ID, spanId);
    return () -> {
      restore(REQUEST_ID, previousRequest);
      restore(TRACE_ID, previousTrace);
      restore(SPAN_ID, previousSpan);
    };
  }

  private static boolean same(String present, String wanted) {
    return wanted == null || wanted.equals(present);
  }

  private static void put(String key, String value) {
    if (value != null) {
      MDC.put(key, value);
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}
