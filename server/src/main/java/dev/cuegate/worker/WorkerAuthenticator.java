package dev.cuegate.worker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * HTTP Basic authentication of workers: user = worker id, password = the secret chosen at
 * registration. Checking a slow hash on every call would blow the Python worker's 3 s budget when
 * many workers poll at once, so a successful check is remembered for a short while (as a fast
 * digest of the secret, never the secret itself).
 */
final class WorkerAuthenticator {
  static final Duration CACHE_TIME = Duration.ofMinutes(1);
  /** Bounds the memory an attacker could fill with made-up ids; real farms stay far below. */
  private static final int MAX_CACHED = 10_000;

  private record Verified(byte[] digest, Instant until) {}

  private final Function<String, Optional<String>> storedHash;
  private final Clock clock;
  private final ConcurrentHashMap<String, Verified> cache = new ConcurrentHashMap<>();

  /**
   * @param storedHash the stored hash of a worker id's secret, empty when no such worker
   */
  WorkerAuthenticator(Function<String, Optional<String>> storedHash, Clock clock) {
    this.storedHash = storedHash;
    this.clock = clock;
  }

  /**
   * The worker id the {@code Authorization} header proves.
   *
   * @throws WorkerException UNAUTHENTICATED for a missing, malformed or wrong credential
   */
  String authenticate(String authorization) {
    String[] credentials = credentials(authorization);
    String id = credentials[0];
    String secret = credentials[1];
    if (!Ids.valid(id) || secret.isEmpty()) {
      throw unauthorized("unknown worker or wrong secret");
    }
    byte[] digest = SecretHash.digest(secret);
    Verified known = cache.get(id);
    Instant now = clock.instant();
    if (known != null && now.isBefore(known.until())
        && MessageDigest.isEqual(known.digest(), digest)) {
      return id;
    }
    Optional<String> hash = storedHash.apply(id);
    if (hash.isEmpty() || !SecretHash.matches(secret, hash.get())) {
      throw unauthorized("unknown worker or wrong secret");
    }
    remember(id, secret);
    return id;
  }

  /** A worker that just registered proves its secret on its next call without a slow check. */
  void remember(String id, String secret) {
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    cache.put(id, new Verified(SecretHash.digest(secret), clock.instant().plus(CACHE_TIME)));
  }

  private static String[] credentials(String authorization) {
    if (authorization == null) {
      throw unauthorized("worker credentials required (HTTP Basic: worker id and secret)");
    }
    int space = authorization.indexOf(' ');
    if (space < 0 || !authorization.substring(0, space).equalsIgnoreCase("Basic")) {
      throw unauthorized("expected HTTP Basic credentials");
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(space + 1).trim()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw unauthorized("the Basic credentials are not base64");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw unauthorized("the Basic credentials have no ':'");
    }
    return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }

  private static WorkerException unauthorized(String message) {
    return new WorkerException(WorkerException.Kind.UNAUTHENTICATED, message);
  }
}
