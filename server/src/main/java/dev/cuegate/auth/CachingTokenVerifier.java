package dev.cuegate.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers tokens that passed verification until they expire, so that a client sending the same
 * token on every call (CueWeb polls every few seconds) pays for the signature check and JSON
 * parsing once, not per request.
 *
 * <p>The cache key is the whole header value: a token that differs in any byte, a forged one
 * included, is verified in full. Tokens without a numeric {@code exp} are never cached.
 */
public final class CachingTokenVerifier implements TokenVerifier {
  /** Enough for every user of a studio; past it the cache starts over rather than grow. */
  static final int MAX_ENTRIES = 10_000;

  private final TokenVerifier delegate;
  private final Clock clock;
  private final Duration leeway;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  private record Verified(Principal principal, Instant validUntil) {}

  /**
   * @param leeway the delegate's clock-skew allowance, so a cached token expires when the
   *     delegate would reject it
   */
  public CachingTokenVerifier(TokenVerifier delegate, Clock clock, Duration leeway) {
    this.delegate = delegate;
    this.clock = clock;
    this.leeway = leeway;
  }

  @Override
  public Principal verify(String authorizationHeader) throws AuthException {
    if (authorizationHeader == null) {
      return delegate.verify(null);
    }
    Verified hit = verified.get(authorizationHeader);
    if (hit != null) {
      if (clock.instant().isBefore(hit.validUntil())) {
        return hit.principal();
      }
      verified.remove(authorizationHeader);
    }
    Principal principal = delegate.verify(authorizationHeader);
    if (principal.claims().get("exp") instanceof Number exp) {
      if (verified.size() >= MAX_ENTRIES) {
        verified.clear();
      }
      Instant expiry = Instant.ofEpochMilli((long) (exp.doubleValue() * 1000));
      verified.put(authorizationHeader, new Verified(principal, expiry.plus(leeway)));
    }
    return principal;
  }
}
