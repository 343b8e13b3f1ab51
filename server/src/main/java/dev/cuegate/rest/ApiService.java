package dev.cuegate.rest;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.ContentTooLargeException;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.ResponseHeadersBuilder;
import com.linecorp.armeria.common.stream.StreamMessage;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.cuegate.config.FieldValidation;
import dev.cuegate.contract.ApiMethod;
import dev.cuegate.contract.MethodRegistry;
import dev.cuegate.transcode.MessageCodec;
import dev.cuegate.transcode.TranscodeException;
import dev.cuegate.transcode.Transcoder;
import dev.cuegate.upstream.Backend;
import dev.cuegate.upstream.UpstreamReply;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * {@code POST /<package>.<Service>/<Method>}: JSON in, one unary call upstream, JSON out.
 *
 * <p>One handler for every method of every exposed service; everything method-specific comes from
 * the descriptors.
 */
public final class ApiService implements HttpService {
  /** Answers up to this many wire bytes are rendered in one piece; larger ones are streamed. */
  private static final int STREAMING_THRESHOLD = 256 * 1024;

  private final MethodRegistry registry;
  private final Transcoder transcoder;
  private final Backend backend;
  private final FieldValidation defaultValidation;
  private final Duration maxTimeout;

  public ApiService(
      MethodRegistry registry,
      Transcoder transcoder,
      Backend backend,
      FieldValidation defaultValidation,
      Duration maxTimeout) {
    this.registry = registry;
    this.transcoder = transcoder;
    this.backend = backend;
    this.defaultValidation = defaultValidation;
    this.maxTimeout = maxTimeout;
  }

  @Override
  public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
    Optional<ApiMethod> method = resolve(registry, ctx);
    if (method.isEmpty()) {
      return ApiError.of(Status.Code.NOT_FOUND, "no such method: " + ctx.path()).toResponse();
    }
    if (req.method() != HttpMethod.POST) {
      return ApiError.methodNotAllowed(req.method(), "POST");
    }
    ApiMethod api = method.get();
    FieldValidation validation;
    Duration timeout;
    Metadata metadata;
    try {
      validation =
          RequestOptions.fieldValidation(req.headers(), ctx.queryParams(), defaultValidation);
      timeout = RequestOptions.timeout(req.headers(), maxTimeout);
      metadata = MetadataForwarding.toUpstream(req.headers(), ctx);
    } catch (IllegalArgumentException e) {
      return ApiError.of(Status.Code.INVALID_ARGUMENT, e.getMessage()).toResponse();
    }
    // Context-aware, so the upstream call starts inside the request's trace and log context.
    CompletableFuture<HttpResponse> response =
        ctx.makeContextAware(req.aggregate())
            .thenCompose(body -> call(ctx, api, body, validation, metadata, timeout))
            .exceptionally(thrown -> failure(ctx, thrown));
    return HttpResponse.of(response);
  }

  /**
   * The method the request's path names, if it names one. Resolved once per request and kept in
   * its context, since the decorators that judge the method (authorization, audit) ask too.
   */
  static Optional<ApiMethod> resolve(MethodRegistry registry, ServiceRequestContext ctx) {
    ApiMethod known = ctx.attr(RequestAttributes.METHOD);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<ApiMethod> method = resolve(registry, ctx.path());
    method.ifPresent(found -> ctx.setAttr(RequestAttributes.METHOD, found));
    return method;
  }

  private static Optional<ApiMethod> resolve(MethodRegistry registry, String path) {
    int slash = path.indexOf('/', 1);
    if (slash < 0 || slash == path.length() - 1 || path.indexOf('/', slash + 1) >= 0) {
      return Optional.empty();
    }
    return registry.resolve(path.substring(1, slash), path.substring(slash + 1));
  }

  private CompletableFuture<HttpResponse> call(
      ServiceRequestContext ctx,
      ApiMethod api,
      AggregatedHttpRequest body,
      FieldValidation validation,
      Metadata metadata,
      Duration timeout) {
    List<String> unknownFields = new ArrayList<>();
    byte[] request =
        transcoder
            .codec(api.inputType())
            .toProto(new ByteArrayInputStream(body.content().array()), unknownFields);
    if (validation == FieldValidation.STRICT && !unknownFields.isEmpty()) {
      return CompletableFuture.completedFuture(
          ApiError.of(Status.Code.INVALID_ARGUMENT, unknownFieldsMessage(unknownFields))
              .toResponse());
    }
    String scope = ctx.attr(RequestAttributes.SCOPE);
    CompletableFuture<UpstreamReply> reply =
        backend.call(api, request, metadata, timeout, scope == null ? "" : scope);
    ctx.whenRequestCancelling().thenAccept(cause -> reply.cancel(false));
    List<String> warnings = validation == FieldValidation.WARN ? unknownFields : List.of();
    MessageCodec output = transcoder.codec(api.outputType());
    return reply.thenApply(answer -> render(ctx, output, answer, warnings));
  }

  private static String unknownFieldsMessage(List<String> fields) {
    return fields.stream()
        .map(field -> "\"" + field + "\"")
        .collect(Collectors.joining(", ", fields.size() == 1 ? "unknown field " : "unknown fields ", ""));
  }

  private static HttpResponse render(
      ServiceRequestContext ctx, MessageCodec codec, UpstreamReply reply, List<String> warnings) {
    ctx.setAttr(RequestAttributes.GRPC_CODE, Status.Code.OK);
    ResponseHeadersBuilder headers =
        ResponseHeaders.builder(HttpStatus.OK).contentType(MediaType.JSON_UTF_8);
    MetadataForwarding.toResponseHeaders(reply.headers(), headers);
    for (String field : warnings) {
      headers.add(HttpHeaderNames.WARNING, "299 - \"unknown field \\\"" + field + "\\\"\"");
    }
    byte[] proto = reply.body();
    if (proto.length <= STREAMING_THRESHOLD) {
      JsonBuffer json = new JsonBuffer(proto.length * 3 + 64);
      try {
        codec.toJson(proto, json);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (TranscodeException e) {
        // The upstream's fault, not the client's: never a 400.
        return new ApiError(
                Status.Code.INTERNAL,
                HttpStatus.BAD_GATEWAY,
                "Cuebot sent an answer that cannot be read: " + e.getMessage())
            .toResponse();
      }
      return HttpResponse.of(headers.build(), json.data());
    }
    // Written as the client reads: the whole JSON text never exists in memory at once.
    StreamMessage<HttpData> body =
        ChunkedBody.of(out -> codec.toJson(proto, out), ctx.alloc(), ctx.blockingTaskExecutor());
    return HttpResponse.of(headers.build(), body);
  }

  private static HttpResponse failure(ServiceRequestContext ctx, Throwable thrown) {
    Throwable cause = unwrap(thrown);
    if (cause instanceof TranscodeException bad) {
      return ApiError.of(Status.Code.INVALID_ARGUMENT, describe(bad)).toResponse();
    }
    if (cause instanceof StatusException status) {
      ctx.setAttr(RequestAttributes.GRPC_CODE, status.getStatus().getCode());
      return ApiError.fromStatus(status.getStatus()).toResponse();
    }
    if (cause instanceof ContentTooLargeException) {
      return new ApiError(
              Status.Code.INVALID_ARGUMENT,
              HttpStatus.REQUEST_ENTITY_TOO_LARGE,
              "request body is larger than the limit (MAX_REQUEST_BYTES)")
          .toResponse();
    }
    if (cause instanceof CancellationException) {
      return ApiError.of(Status.Code.CANCELLED, "the client cancelled the request").toResponse();
    }
    return HttpResponse.ofFailure(cause);
  }

  private static String describe(TranscodeException e) {
    String path = e.fieldPath();
    return path.isEmpty() ? e.getMessage() : "invalid value at \"" + path + "\": " + e.getMessage();
  }

  private static Throwable unwrap(Throwable thrown) {
    Throwable cause = thrown;
    while ((cause instanceof CompletionException || cause instanceof UncheckedIOException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** The rendered JSON, handed to the response without the copy {@code toByteArray()} makes. */
  private static final class JsonBuffer extends ByteArrayOutputStream {
    JsonBuffer(int size) {
      super(size);
    }

    HttpData data() {
      return HttpData.wrap(buf, 0, count);
    }
  }
}
