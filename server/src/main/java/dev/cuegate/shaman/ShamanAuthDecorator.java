package dev.cuegate.shaman;

import com.linecorp.armeria.common.Cookie;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.cuegate.auth.AuthException;
import dev.cuegate.auth.TokenVerifier;

/**
 * Lets a request through only with a verified token, taken from {@code Authorization} or else
 * from Flamenco's {@code jwtToken} cookie. Runs before the body is read, so an unauthenticated
 * upload never reaches the disk.
 *
 * <p>Shaman keeps this guard rather than the API's: Flamenco's clients send the cookie, read
 * plain-text answers, and use {@code OPTIONS} for "is this file stored?", which the API's CORS
 * handling would answer instead (docs/ARCHITECTURE.md, "Guards").
 */
final class ShamanAuthDecorator implements DecoratingHttpServiceFunction {
  static final String COOKIE = "jwtToken";

  private final TokenVerifier verifier;

  ShamanAuthDecorator(TokenVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req)
      throws Exception {
    String authorization = req.headers().get(HttpHeaderNames.AUTHORIZATION);
    if (authorization == null) {
      authorization = req.headers().cookies().stream()
          .filter(c -> c.name().equals(COOKIE))
          .map(Cookie::value)
          .findFirst()
          .map(token -> "Bearer " + token)
          .orElse(null);
    }
    try {
      verifier.verify(authorization);
    } catch (AuthException e) {
      return HttpResponse.of(
          ResponseHeaders.builder(HttpStatus.UNAUTHORIZED)
              .set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"shaman\"")
              .contentType(MediaType.PLAIN_TEXT_UTF_8)
              .build(),
          HttpData.ofUtf8(e.getMessage() + "\n"));
    }
    return delegate.serve(ctx, req);
  }
}
