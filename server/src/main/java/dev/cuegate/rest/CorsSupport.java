package dev.cuegate.rest;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.cors.CorsService;
import com.linecorp.armeria.server.cors.CorsServiceBuilder;
import dev.cuegate.config.GatewayConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Armeria's {@link CorsService} configured from the {@code CORS_*} settings. It sits in front of
 * authentication: it answers preflight requests itself (browsers never send credentials with
 * them) and adds the {@code Access-Control-*} headers to actual answers, errors included. A
 * request from an origin that is not allowed gets no CORS headers, so the browser hides the answer.
 */
public final class CorsSupport {
  /**
   * Headers a script may read besides the safelisted ones. {@code *} also exposes the dynamic
   * {@code Grpc-Metadata-*} headers, but browsers honour it only without credentials.
   */
  private static final List<String> EXPOSED =
      List.of("Warning", "X-Request-Id", "Retry-After", "WWW-Authenticate");

  /** Without these two no call can succeed, so they are allowed even when not listed. */
  private static final List<String> ALWAYS_ALLOWED = List.of("Authorization", "Content-Type");

  private CorsSupport() {}

  public static Function<? super HttpService, CorsService> decorator(GatewayConfig.Cors config) {
    CorsServiceBuilder builder =
        config.anyOrigin()
            ? CorsService.builderForAnyOrigin()
            : CorsService.builder(originMatcher(config.origins()));
    builder.allowRequestMethods(config.methods().stream().map(HttpMethod::valueOf).toList());
    if (config.anyHeader()) {
      builder.allowAllRequestHeaders(true);
    } else {
      List<String> headers = new ArrayList<>(config.headers());
      headers.addAll(ALWAYS_ALLOWED);
      builder.allowRequestHeaders(headers);
    }
    List<String> exposed = new ArrayList<>(EXPOSED);
    if (!config.allowCredentials()) {
      exposed.add("*");
    }
    builder
        .exposeHeaders(exposed)
        .maxAge(config.maxAge())
        .preflightResponseHeader(HttpHeaderNames.VARY, "Origin");
    if (config.allowCredentials()) {
      builder.allowCredentials();
    }
    return builder.newDecorator();
  }

  /**
   * Origins compare case-insensitively; {@code https://*.example.org} stands for any subdomain of
   * {@code example.org} (not the domain itself) with that scheme and port.
   */
  static Predicate<String> originMatcher(List<String> origins) {
    List<Pattern> patterns = new ArrayList<>();
    for (String origin : origins) {
      String lower = origin.toLowerCase(Locale.ROOT);
      int star = lower.indexOf("*.");
      String regex =
          star < 0
              ? Pattern.quote(lower)
              : Pattern.quote(lower.substring(0, star))
                  + "[a-z0-9-]+(\\.[a-z0-9-]+)*\\."
                  + Pattern.quote(lower.substring(star + 2));
      patterns.add(Pattern.compile(regex));
    }
    return origin -> {
      String lower = origin.toLowerCase(Locale.ROOT);
      return patterns.stream().anyMatch(pattern -> pattern.matcher(lower).matches());
    };
  }
}
