package dev.cuegate.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds tokens byte by byte with the JDK's own HMAC, independently of the code under test, so
 * that a test can reproduce exactly what a client such as the snippets of OpenCue's gateway
 * documentation sends.
 */
final class RawTokens {

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private RawTokens() {}

  /** A token with base64url parts, as RFC 7515 and the documented Python snippet make them. */
  static String hmac(String jcaAlgorithm, byte[] secret, String headerJson, String payloadJson) {
    return hmac(jcaAlgorithm, secret, headerJson, payloadJson, URL);
  }

  static String hmac(
      String jcaAlgorithm, byte[] secret, String headerJson, String payloadJson,
      Base64.Encoder encoder) {
    String signingInput = encode(headerJson, encoder) + "." + encode(payloadJson, encoder);
    return signingInput + "." + encoder.encodeToString(mac(jcaAlgorithm, secret, signingInput));
  }

  static String hs256(byte[] secret, String payloadJson) {
    return hmac("HmacSHA256", secret, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payloadJson);
  }

  static String encode(String json) {
    return encode(json, URL);
  }

  static byte[] mac(String jcaAlgorithm, byte[] secret, String signingInput) {
    try {
      Mac mac = Mac.getInstance(jcaAlgorithm);
      mac.init(new SecretKeySpec(secret, jcaAlgorithm));
      return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String json, Base64.Encoder encoder) {
    return encoder.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
