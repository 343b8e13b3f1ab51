package dev.cuegate.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.testing.GatewayExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CORS as browsers exercise it: preflight without a token, then the actual call. */
class CorsTest {
  private static final String CUEWEB = "https://cueweb.example.com";
  private static final String PATH = "/show.ShowInterface/GetActiveShows";

  @Nested
  class ListedOrigins {
    @RegisterExtension
    static final GatewayExtension gateway =
        new GatewayExtension()
            .env("CORS_ORIGINS", CUEWEB + ",https://*.example.org")
            .env("CORS_MAX_AGE", "5m");

    @Test
    void preflightFromAnAllowedOriginIsAnsweredWithoutAToken() {
      HttpResponse<String> response = gateway.send(preflight(gateway, CUEWEB));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(header(response, "access-control-allow-origin")).isEqualTo(CUEWEB);
      assertThat(lower(header(response, "access-control-allow-methods"))).contains("post");
      assertThat(lower(header(response, "access-control-allow-headers")))
          .contains("authorization")
          .contains("content-type");
      assertThat(header(response, "access-control-max-age")).isEqualTo("300");
      assertThat(response.headers().firstValue("www-authenticate")).isEmpty();
      assertThat(gateway.cuebot().callCount("show.ShowInterface/GetActiveShows")).isZero();
    }

    @Test
    void preflightFromAnotherOriginGetsNoCorsHeaders() {
      HttpResponse<String> response = gateway.send(preflight(gateway, "https://evil.example.net"));

      assertThat(response.headers().firstValue("access-control-allow-origin")).isEmpty();
      assertThat(response.headers().firstValue("access-control-allow-methods")).isEmpty();
    }

    @Test
    void aSubdomainWildcardMatchesSubdomainsButNotTheDomainItself() {
      assertThat(
              gateway
                  .send(preflight(gateway, "https://farm.example.org"))
                  .headers()
                  .firstValue("access-control-allow-origin"))
          .contains("https://farm.example.org");
      assertThat(
              gateway
                  .send(preflight(gateway, "https://example.org"))
                  .headers()
                  .firstValue("access-control-allow-origin"))
          .isEmpty();
    }

    @Test
    void actualCallFromAnAllowedOriginCarriesCorsHeaders() {
      HttpResponse<String> response =
          gateway.send(
              gateway.request(PATH).header("Origin", CUEWEB).POST(body("{}")).build());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(header(response, "access-control-allow-origin")).isEqualTo(CUEWEB);
      assertThat(lower(header(response, "access-control-expose-headers")))
          .contains("warning")
          .contains("x-request-id");
    }

    @Test
    void errorsFromAnAllowedOriginCarryCorsHeadersSoTheBrowserCanReadThem() {
      HttpResponse<String> response =
          gateway.send(
              HttpRequest.newBuilder(gateway.uri(PATH))
                  .header("Origin", CUEWEB)
                  .POST(body("{}"))
                  .build());

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(header(response, "access-control-allow-origin")).isEqualTo(CUEWEB);
    }

    @Test
    void actualCallFromAnotherOriginGetsNoCorsHeaders() {
      HttpResponse<String> response =
          gateway.send(
              gateway
                  .request(PATH)
                  .header("Origin", "https://evil.example.net")
                  .POST(body("{}"))
                  .build());

      assertThat(response.headers().firstValue("access-control-allow-origin")).isEmpty();
    }
  }

  @Nested
  class AnyOrigin {
    @RegisterExtension
    static final GatewayExtension gateway = new GatewayExtension();

    @Test
    void byDefaultEveryOriginMayCallWithoutCredentials() {
      HttpResponse<String> response = gateway.send(preflight(gateway, "http://localhost:3000"));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(header(response, "access-control-allow-origin")).isEqualTo("*");
      assertThat(response.headers().firstValue("access-control-allow-credentials")).isEmpty();
      assertThat(lower(header(response, "access-control-allow-headers")))
          .contains("authorization");
    }
  }

  @Nested
  class Credentials {
    @RegisterExtension
    static final GatewayExtension gateway =
        new GatewayExtension()
            .env("CORS_ORIGINS", CUEWEB)
            .env("CORS_HEADERS", "X-Field-Validation")
            .env("CORS_ALLOW_CREDENTIALS", "true");

    @Test
    void credentialedPreflightEchoesTheOriginAndAllowsCredentials() {
      HttpResponse<String> response = gateway.send(preflight(gateway, CUEWEB));

      assertThat(header(response, "access-control-allow-origin")).isEqualTo(CUEWEB);
      assertThat(header(response, "access-control-allow-credentials")).isEqualTo("true");
      assertThat(lower(header(response, "access-control-allow-headers")))
          .contains("authorization")
          .contains("content-type");
    }
  }

  /** What a browser sends before a cross-origin POST with a bearer token and a JSON body. */
  private static HttpRequest preflight(GatewayExtension gateway, String origin) {
    return HttpRequest.newBuilder(gateway.uri(PATH))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,content-type")
        .build();
  }

  private static HttpRequest.BodyPublisher body(String json) {
    return HttpRequest.BodyPublishers.ofString(json);
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse("<absent>");
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
