package dev.cuegate.rest;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.ContentTooLargeException;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.util.Exceptions;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Decodes a request body sent with {@code Content-Encoding} before any service reads it, and
 * answers every body it cannot decode with a 4xx: 415 for a coding it does not know, 400 naming
 * the coding for a corrupt, empty or truncated body (a body cut short is never run as the part
 * that arrived), and 413 when the decoded body exceeds the route's limit. Bodies without an
 * encoding pass through untouched.
 */
public final class RequestBodyDecoding implements DecoratingHttpServiceFunction {
  private static final int CHUNK = 8192;
  /** More layers than any real client applies; each costs a decoder. */
  private static final int MAX_CODINGS = 3;

  private final List<String> skippedPrefixes;

  private RequestBodyDecoding(List<String> skippedPrefixes) {
    this.skippedPrefixes = List.copyOf(skippedPrefixes);
  }

  /** Decodes the bodies of every path except those under {@code pathPrefixes}. */
  public static RequestBodyDecoding except(List<String> pathPrefixes) {
    return new RequestBodyDecoding(pathPrefixes);
  }

  @Override
  public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req)
      throws Exception {
    String header = req.headers().get(HttpHeaderNames.CONTENT_ENCODING);
    List<String> codings = header == null ? List.of() : ContentCodings.parse(header);
    if (codings.isEmpty() || skipped(ctx.path())) {
      return delegate.serve(ctx, req);
    }
    Optional<String> unsupported = ContentCodings.firstUnsupported(codings);
    if (unsupported.isPresent()) {
      ApiError error = new ApiError(Status.Code.INVALID_ARGUMENT,
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "Content-Encoding \"" + unsupported.get()
              + "\" is not supported; send the body as it is, or encoded with one of: "
              + ContentCodings.supported());
      return error.toResponse(
          error.headers().set(HttpHeaderNames.ACCEPT_ENCODING, ContentCodings.supported()));
    }
    if (codings.size() > MAX_CODINGS) {
      return BadBody.of("Content-Encoding lists " + codings.size() + " codings; at most "
          + MAX_CODINGS + " are decoded").error.toResponse();
    }
    long limit = ctx.maxRequestLength();
    // The context's event loop runs the rest with the request's context current, as the
    // services expect.
    return HttpResponse.of(req.aggregate().handleAsync((encoded, failure) -> {
      if (failure != null) {
        return refused(Exceptions.peel(failure));
      }
      byte[] decoded;
      try {
        decoded = decode(codings, encoded.content(), limit);
      } catch (BadBody e) {
        return e.error.toResponse();
      }
      try {
        return delegate.serve(ctx, decodedRequest(encoded, decoded));
      } catch (Exception e) {
        return HttpResponse.ofFailure(e);
      }
    }, ctx.eventLoop()));
  }

  private boolean skipped(String path) {
    return skippedPrefixes.stream().anyMatch(path::startsWith);
  }

  private static HttpResponse refused(Throwable failure) {
    if (failure instanceof ContentTooLargeException) {
      return new ApiError(Status.Code.INVALID_ARGUMENT, HttpStatus.REQUEST_ENTITY_TOO_LARGE,
          "request body is larger than the limit (MAX_REQUEST_BYTES)").toResponse();
    }
    // The client went away or the request was cancelled: nobody reads the answer.
    return HttpResponse.ofFailure(failure);
  }

  private static HttpRequest decodedRequest(AggregatedHttpRequest encoded, byte[] decoded) {
    RequestHeaders headers = encoded.headers().toBuilder()
        .removeAndThen(HttpHeaderNames.CONTENT_ENCODING)
        .contentLength(decoded.length)
        .build();
    return HttpRequest.of(headers, HttpData.wrap(decoded));
  }

  /** The body with every coding undone, last applied first; at most {@code limit} bytes. */
  static byte[] decode(List<String> codings, HttpData encoded, long limit) throws BadBody {
    String named = String.join(", ", codings);
    InputStream in = new ByteArrayInputStream(encoded.array());
    try {
      for (int i = codings.size() - 1; i >= 0; i--) {
        in = ContentCodings.decoding(codings.get(i), in);
      }
      return readAtMost(in, limit);
    } catch (BadBody e) {
      throw e;
    } catch (EOFException e) {
      throw BadBody.of("the " + named + " body ends early: it is truncated or empty");
    } catch (IOException | RuntimeException e) {
      // Decoders report corrupt input as ZipException, IOException or, for Brotli, as unchecked
      // exceptions from the native library; all mean the same to the client.
      throw BadBody.of("the body is not valid " + named + ": " + describe(e));
    } finally {
      try {
        in.close();
      } catch (IOException | RuntimeException e) {
        // Closing only releases the decoder; the outcome is already known.
      }
    }
  }

  private static byte[] readAtMost(InputStream in, long limit) throws IOException, BadBody {
    ByteArrayOutputStream out = new ByteArrayOutputStream(CHUNK);
    byte[] buffer = new byte[CHUNK];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) >= 0) {
      total += n;
      if (limit > 0 && total > limit) {
        throw new BadBody(new ApiError(Status.Code.INVALID_ARGUMENT,
            HttpStatus.REQUEST_ENTITY_TOO_LARGE,
            "request body is larger than the limit (MAX_REQUEST_BYTES) once decoded"));
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** A body this decorator refuses, with the answer that says why. */
  static final class BadBody extends Exception {
    private static final long serialVersionUID = 1L;
    final transient ApiError error;

    BadBody(ApiError error) {
      super(error.message(), null, false, false);
      this.error = error;
    }

    static BadBody of(String message) {
      return new BadBody(new ApiError(Status.Code.INVALID_ARGUMENT, HttpStatus.BAD_REQUEST,
          message));
    }
  }
}
