package dev.cuegate.events;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpResponseWriter;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.cuegate.auth.Principal;
import dev.cuegate.config.GatewayConfig;
import dev.cuegate.rest.ApiError;
import dev.cuegate.rest.RequestAttributes;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * {@code GET /events}: the farm's events as Server-Sent Events, filtered by the query, limited to
 * what the token may read, resumable with {@code Last-Event-ID}. Mounted behind the API's guard,
 * which puts the verified token's principal on the request.
 */
public final class EventStreamService implements HttpService {
  private final EventBus bus;
  private final EventAccess access;
  private final GatewayConfig.Events config;
  private final Counter slowReaders;
  private final Set<HttpResponseWriter> open = ConcurrentHashMap.newKeySet();
  private volatile boolean ended;

  public EventStreamService(
      EventBus bus, EventAccess access, GatewayConfig.Events config, MeterRegistry meters) {
    this.bus = bus;
    this.access = access;
    this.config = config;
    this.slowReaders = Counter.builder("cuegate.events.slow.disconnects")
        .description("Event stream readers disconnected because they fell too far behind")
        .register(meters);
  }

  @Override
  public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
    if (req.method() != HttpMethod.GET) {
      return ApiError.methodNotAllowed(req.method(), "GET");
    }
    if (ended) {
      return ApiError.of(Status.Code.UNAVAILABLE, "shutting down: reconnect with Last-Event-ID")
          .toResponse();
    }
    EventFilter filter;
    OptionalLong lastSeen;
    try {
      filter = EventFilter.parse(ctx.queryParams());
      lastSeen = lastEventId(req.headers().get(HttpHeaderNames.LAST_EVENT_ID));
    } catch (IllegalArgumentException e) {
      return ApiError.of(Status.Code.INVALID_ARGUMENT, e.getMessage()).toResponse();
    }
    Principal principal = ctx.attr(RequestAttributes.PRINCIPAL);
    Set<EventType> visible = principal == null
        ? EnumSet.noneOf(EventType.class)
        : access.visibleTo(principal);
    Set<EventType> refused = EnumSet.copyOf(filter.types().isEmpty()
        ? EnumSet.noneOf(EventType.class)
        : filter.types());
    refused.removeAll(visible);
    if (!refused.isEmpty() || visible.isEmpty()) {
      return ApiError.of(Status.Code.PERMISSION_DENIED, refused.isEmpty()
              ? "this token may read no events"
              : "this token may not read " + refused.stream().map(EventType::wireName)
                  .collect(Collectors.joining(", "))
                  + " events (it may not call " + refused.stream().map(EventType::readMethod)
                  .distinct().collect(Collectors.joining(", ")) + ")")
          .toResponse();
    }
    // A stream lives as long as its reader: the API's request timeout does not apply.
    ctx.clearRequestTimeout();
    HttpResponseWriter writer = HttpResponse.streaming();
    writer.write(ResponseHeaders.builder(HttpStatus.OK)
        .contentType(MediaType.EVENT_STREAM)
        .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
        // Proxies such as nginx would otherwise hold events back to fill their buffers.
        .set("x-accel-buffering", "no")
        // Said so the API's gzip leaves the stream alone: a compressor holds small events back.
        .set(HttpHeaderNames.CONTENT_ENCODING, "identity")
        .build());
    SseStream stream = new SseStream(
        writer, ctx.eventLoop(), event -> visible.contains(event.type()) && filter.matches(event),
        config.maxPending(), slowReaders);
    open.add(writer);
    writer.whenComplete().handle((ignored, failure) -> open.remove(writer));
    stream.start(bus, lastSeen, config.heartbeat());
    return writer;
  }

  /**
   * Ends every open stream and refuses new ones: a stream never ends by itself, so shutdown's
   * drain would otherwise wait for it until {@code SHUTDOWN_TIMEOUT}. Readers reconnect (to
   * another CueGate, or this one once restarted) and resume with {@code Last-Event-ID}.
   */
  public void endStreams() {
    ended = true;
    open.forEach(HttpResponseWriter::close);
  }

  private static OptionalLong lastEventId(String header) {
    if (header == null || header.isBlank()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Last-Event-ID: expected the id of an event of this stream, got '" + header + "'");
    }
  }
}
