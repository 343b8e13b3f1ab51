package dev.cuegate.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.ResponseHeadersBuilder;
import io.grpc.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * An error answer: a gRPC status code, the HTTP status it maps to, and a message for people.
 *
 * <p>Rendered in one place, as grpc-gateway v2's body plus the {@code error} string that OpenCue's
 * Go gateway documents: {@code {"code":5,"message":"…","details":[],"error":"rpc error: code =
 * NotFound desc = …"}}.
 */
public record ApiError(Status.Code code, HttpStatus httpStatus, String message) {
  private static final JsonFactory JSON = new JsonFactory();

  public ApiError {
    message = message == null ? "" : message;
  }

  /** An error whose HTTP status follows from its gRPC code (docs/ARCHITECTURE.md, "Errors"). */
  public static ApiError of(Status.Code code, String message) {
    return new ApiError(code, GrpcHttpStatus.of(code), message);
  }

  /** The answer for a status that came back from upstream. */
  public static ApiError fromStatus(Status status) {
    return of(status.getCode(), status.getDescription());
  }

  /** {@code NotFound}: the name Go's gRPC library prints for a code. */
  static String goName(Status.Code code) {
    if (code == Status.Code.OK) {
      return "OK";
    }
    if (code == Status.Code.CANCELLED) {
      return "Canceled";
    }
    StringBuilder name = new StringBuilder();
    for (String word : code.name().split("_")) {
      name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return name.toString();
  }

  /** The JSON body. */
  public byte[] toJson() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128 + message.length());
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeNumberField("code", code.value());
      json.writeStringField("message", message);
      json.writeArrayFieldStart("details");
      json.writeEndArray();
      json.writeStringField(
          "error", "rpc error: code = " + goName(code) + " desc = " + message);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Headers for this error, to which a caller may add its own before {@link #toResponse}. */
  public ResponseHeadersBuilder headers() {
    return ResponseHeaders.builder(httpStatus).contentType(MediaType.JSON_UTF_8);
  }

  /** 405 for a route that exists but not for this HTTP method, with the {@code Allow} header. */
  public static HttpResponse methodNotAllowed(HttpMethod used, String... allowed) {
    String allow = String.join(", ", allowed);
    ApiError error =
        new ApiError(
            Status.Code.UNIMPLEMENTED,
            HttpStatus.METHOD_NOT_ALLOWED,
            used + " is not allowed; use " + String.join(" or ", allowed));
    return error.toResponse(error.headers().set(HttpHeaderNames.ALLOW, allow));
  }

  public HttpResponse toResponse() {
    return toResponse(headers());
  }

  public HttpResponse toResponse(ResponseHeadersBuilder headers) {
    return HttpResponse.of(headers.build(), HttpData.wrap(toJson()));
  }
}
