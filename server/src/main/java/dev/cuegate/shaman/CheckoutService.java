package dev.cuegate.shaman;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * {@code POST /checkout/requirements} and {@code POST /checkout/create/{checkoutID}}: both read
 * a Checkout Definition File (plain text, possibly gzipped) and answer in plain text.
 */
final class CheckoutService implements HttpService {
  /** Decoded definitions are bounded too, so a small gzip body cannot expand without limit. */
  static final int MAX_DEFINITION_BYTES = 64 << 20;

  private final Checkouts checkouts;
  private final boolean create;

  private CheckoutService(Checkouts checkouts, boolean create) {
    this.checkouts = checkouts;
    this.create = create;
  }

  static CheckoutService requirements(Checkouts checkouts) {
    return new CheckoutService(checkouts, false);
  }

  static CheckoutService create(Checkouts checkouts) {
    return new CheckoutService(checkouts, true);
  }

  @Override
  public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
    String id = create ? ctx.pathParam("checkoutID") : null;
    if (create && !Checkouts.isValidId(id)) {
      return PlainText.of(400, "ERROR invalid checkout ID; expected [A-Za-z0-9_]{2,}\n");
    }
    return HttpResponse.of(req.aggregate().thenApplyAsync(
        body -> handle(id, body), ctx.blockingTaskExecutor()));
  }

  private HttpResponse handle(String id, AggregatedHttpRequest req) {
    CheckoutDefinition definition;
    try {
      definition = CheckoutDefinition.parse(text(req));
    } catch (CheckoutDefinition.InvalidLineException e) {
      return PlainText.of(400, e.getMessage() + "\n");
    } catch (BadBodyException e) {
      return PlainText.of(e.status, e.getMessage() + "\n");
    }
    try {
      if (!create) {
        return PlainText.of(200, checkouts.requirements(definition));
      }
      Checkouts.Created created = checkouts.create(id, definition);
      if (created instanceof Checkouts.Created.Done done) {
        return PlainText.of(200, done.relativePath());
      }
      if (created instanceof Checkouts.Created.MissingFiles missing) {
        StringBuilder lines = new StringBuilder();
        missing.paths().forEach(p -> lines.append("file-unknown ").append(p).append('\n'));
        return PlainText.of(400, lines.toString());
      }
      return PlainText.of(409, "ERROR checkout " + id + " already exists\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(AggregatedHttpRequest req) throws BadBodyException {
    byte[] bytes = req.content().array();
    String encoding = req.headers().get(HttpHeaderNames.CONTENT_ENCODING, "identity")
        .strip().toLowerCase(Locale.ROOT);
    if (encoding.equals("gzip")) {
      bytes = gunzip(bytes);
    } else if (!encoding.equals("identity")) {
      throw new BadBodyException(415, "unsupported Content-Encoding: " + encoding);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BadBodyException(400, "ERROR the checkout definition is not UTF-8");
    }
  }

  private static byte[] gunzip(byte[] compressed) throws BadBodyException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        if (out.size() > MAX_DEFINITION_BYTES) {
          throw new BadBodyException(413, "ERROR the checkout definition is too large");
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new BadBodyException(400, "ERROR the gzip body is corrupt");
    }
  }

  /** A body that is not a readable definition, with the status to answer. */
  private static final class BadBodyException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    BadBodyException(int status, String message) {
      super(message);
      this.status = status;
    }
  }
}
