package dev.cuegate.auth;

/** Checks the value of an {@code Authorization} header and says who the caller is. */
public interface TokenVerifier {

  /**
   * Verifies an {@code Authorization} header value (may be null when the header is absent).
   *
   * @throws AuthException naming the first check that failed
   */
  Principal verify(String authorizationHeader) throws AuthException;
}
