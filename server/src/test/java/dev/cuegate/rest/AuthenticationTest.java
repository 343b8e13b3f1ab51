package dev.cuegate.rest;

import static dev.cuegate.rest.RestGatewayTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.Tokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API port's bearer-token check over HTTP (JwtVerifierTest covers every check in detail). */
class AuthenticationTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static HttpResponse<String> postWith(String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(gateway.uri("/show.ShowInterface/GetShows"))
            .POST(HttpRequest.BodyPublishers.ofString("{}"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return gateway.send(request.build());
  }

  @Test
  void missingTokenIs401WithABearerChallenge() {
    HttpResponse<String> response = postWith(null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer realm=\"cuegate\"");
    assertThat(json(response).get("code").asInt()).isEqualTo(16);
    assertThat(json(response).get("message").asText()).containsIgnoringCase("authorization");
    assertThat(gateway.cuebot().callCount("show.ShowInterface/GetShows")).isZero();
  }

  @Test
  void expiredTokenIs401SayingItExpired() {
    String expired = Tokens.hs256(Tokens.SECRET, "alice", Instant.now().minusSeconds(3600));

    HttpResponse<String> response = postWith("Bearer " + expired);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).get("message").asText()).containsIgnoringCase("expired");
    assertThat(response.headers().firstValue("www-authenticate"))
        .hasValueSatisfying(value -> assertThat(value).contains("error=\"invalid_token\""));
  }

  @Test
  void tokenSignedWithAnotherSecretIs401() {
    String forged =
        Tokens.hs256("another-secret-of-at-least-thirty-two-bytes!!", "mallory", Instant.now().plusSeconds(60));

    assertThat(postWith("Bearer " + forged).statusCode()).isEqualTo(401);
  }

  @Test
  void validTokensOfEveryHmacSizePass() {
    Instant exp = Instant.now().plusSeconds(600);

    assertThat(postWith("Bearer " + Tokens.hs256(Tokens.SECRET, "a", exp)).statusCode()).isEqualTo(200);
    assertThat(postWith("Bearer " + Tokens.hs384(Tokens.SECRET, "a", exp)).statusCode()).isEqualTo(200);
    assertThat(postWith("Bearer " + Tokens.hs512(Tokens.SECRET, "a", exp)).statusCode()).isEqualTo(200);
  }

  @Test
  void unknownPathsNeedATokenToo() {
    HttpResponse<String> response =
        gateway.send(HttpRequest.newBuilder(gateway.uri("/nothing/here")).GET().build());

    assertThat(response.statusCode()).isEqualTo(401);
  }
}
