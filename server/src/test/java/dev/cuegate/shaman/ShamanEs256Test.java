package dev.cuegate.shaman;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cuegate.testing.GatewayExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With SHAMAN_ES256_PUBLIC_KEYS_FILE, the file store accepts ES256 tokens; the API still does not. */
class ShamanEs256Test {
  private static final KeyPair KEYS = ecKeyPair();

  @RegisterExtension
  static final GatewayExtension gateway =
      new GatewayExtension().env("SHAMAN_ES256_PUBLIC_KEYS_FILE", pemFile(KEYS).toString());

  private static final String UNKNOWN_FILE =
      "/files/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef/12";

  private static KeyPair ecKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path pemFile(KeyPair keys) {
    try {
      Path file = Files.createTempFile("shaman-keys", ".pem");
      file.toFile().deleteOnExit();
      Files.writeString(
          file,
          "-----BEGIN PUBLIC KEY-----\n"
              + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
              + "\n-----END PUBLIC KEY-----\n");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String es256Token() throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.ES256),
            new JWTClaimsSet.Builder()
                .subject("flamenco-server")
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build());
    jwt.sign(new ECDSASigner((ECPrivateKey) KEYS.getPrivate()));
    return jwt.serialize();
  }

  private static int send(String path, String method, String token) {
    return gateway
        .send(
            HttpRequest.newBuilder(gateway.uri(path))
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofString(method.equals("POST") ? "{}" : ""))
                .build())
        .statusCode();
  }

  @Test
  void fileStoreAcceptsAnEs256TokenOfAConfiguredKey() throws JOSEException {
    assertThat(send(UNKNOWN_FILE, "OPTIONS", es256Token())).isEqualTo(404);
  }

  @Test
  void apiStillRefusesEs256Tokens() throws JOSEException {
    assertThat(send("/show.ShowInterface/GetShows", "POST", es256Token())).isEqualTo(401);
  }

  @Test
  void fileStoreStillRefusesForgedTokens() {
    assertThat(send(UNKNOWN_FILE, "OPTIONS", "a.b.c")).isEqualTo(401);
  }
}
