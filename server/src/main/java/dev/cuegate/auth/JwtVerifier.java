package dev.cuegate.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Verifies {@code Authorization: Bearer} JWTs signed with the shared secret (HS256, HS384, HS512)
 * and, when keys are configured, ES256. Each failed check raises an {@link AuthException} with its
 * own reason, checked in a fixed order so that the first problem is the one reported.
 */
public final class JwtVerifier implements TokenVerifier {

  /**
   * Base64url, plus the standard alphabet's {@code +} and {@code /}: the JavaScript snippet of
   * OpenCue's gateway documentation builds tokens with {@code toString('base64')} and they must be accepted. The signature covers
   * the parts exactly as sent, so the alphabet does not weaken it.
   */
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9_+/-]*");

  private final Map<JWSAlgorithm, List<JWSVerifier>> verifiers;
  private final Duration leeway;
  private final Optional<String> issuer;
  private final Optional<String> audience;
  private final Clock clock;

  private JwtVerifier(Builder builder) {
    this.verifiers = verifiers(builder.secret, builder.ecPublicKeys);
    this.leeway = builder.leeway;
    this.issuer = builder.issuer;
    this.audience = builder.audience;
    this.clock = builder.clock;
  }

  /** Starts a verifier for tokens signed with this HMAC secret (at least one byte). */
  public static Builder builder(byte[] secret) {
    return new Builder(secret);
  }

  @Override
  public Principal verify(String authorizationHeader) throws AuthException {
    String[] parts = splitToken(bearerToken(authorizationHeader));
    Map<String, Object> header = jsonPart(parts[0], "header");
    Map<String, Object> claimsJson = jsonPart(parts[1], "payload");
    List<JWSVerifier> candidates = verifiersFor(header.get("alg"));
    if (parts[2].isEmpty()) {
      throw new AuthException("bad_signature", "token has no signature");
    }
    JWSObject jws = jwsObject(parts);
    verifySignature(jws, candidates);
    JWTClaimsSet claims = claims(claimsJson);
    checkTimes(claims);
    checkIssuerAndAudience(claims);
    String subject = Objects.requireNonNullElse(claims.getSubject(), "");
    return new Principal(subject, withoutNulls(claimsJson));
  }

  private static String bearerToken(String header) throws AuthException {
    if (header == null || header.isBlank()) {
      throw new AuthException("missing_token", "missing Authorization header");
    }
    String trimmed = header.trim();
    int space = trimmed.indexOf(' ');
    String scheme = space < 0 ? trimmed : trimmed.substring(0, space);
    if (!scheme.equalsIgnoreCase("Bearer")) {
      throw new AuthException("bad_scheme",
          "Authorization header must use the Bearer scheme: 'Authorization: Bearer <token>'");
    }
    String token = space < 0 ? "" : trimmed.substring(space + 1).trim();
    if (token.isEmpty()) {
      throw new AuthException("malformed", "malformed token: the Bearer token is empty");
    }
    return token;
  }

  private static String[] splitToken(String token) throws AuthException {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new AuthException("malformed", "malformed token: expected three dot-separated"
          + " base64url parts (header.payload.signature), got " + parts.length);
    }
    String[] names = {"header", "payload", "signature"};
    for (int i = 0; i < parts.length; i++) {
      // A length of 4n+1 cannot be base64; the decoder would silently drop the last character.
      if (!BASE64.matcher(parts[i]).matches() || parts[i].length() % 4 == 1) {
        throw new AuthException("malformed", "malformed token: the " + names[i]
            + " is not base64url without padding");
      }
    }
    return parts;
  }

  private static Map<String, Object> jsonPart(String part, String name) throws AuthException {
    if (part.isEmpty()) {
      throw new AuthException("malformed", "malformed token: the " + name + " is empty");
    }
    try {
      return JSONObjectUtils.parse(new Base64URL(part).decodeToString());
    } catch (ParseException e) {
      throw new AuthException("malformed",
          "malformed token: the " + name + " is not a JSON object");
    }
  }

  private List<JWSVerifier> verifiersFor(Object alg) throws AuthException {
    if (!(alg instanceof String name)) {
      throw new AuthException("bad_algorithm", "token header has no alg");
    }
    List<JWSVerifier> candidates = verifiers.get(JWSAlgorithm.parse(name));
    if (candidates == null) {
      throw new AuthException("bad_algorithm", "token algorithm '" + name
          + "' is not accepted; use one of " + acceptedAlgorithms());
    }
    return candidates;
  }

  private String acceptedAlgorithms() {
    return verifiers.keySet().stream().map(JWSAlgorithm::getName).sorted().toList().toString();
  }

  private static JWSObject jwsObject(String[] parts) throws AuthException {
    JWSObject jws;
    try {
      jws = new JWSObject(
          new Base64URL(parts[0]), new Base64URL(parts[1]), new Base64URL(parts[2]));
    } catch (ParseException e) {
      throw new AuthException("malformed", "malformed token: invalid JWS header");
    }
    // No extension is understood, and RFC 7515 §4.1.11 requires rejecting tokens that need one.
    if (jws.getHeader().getCriticalParams() != null) {
      throw new AuthException("malformed", "malformed token: unsupported critical header "
          + jws.getHeader().getCriticalParams());
    }
    return jws;
  }

  private static void verifySignature(JWSObject jws, List<JWSVerifier> candidates)
      throws AuthException {
    for (JWSVerifier verifier : candidates) {
      try {
        if (verifier.verify(jws.getHeader(), jws.getSigningInput(), jws.getSignature())) {
          return;
        }
      } catch (JOSEException e) {
        // An ill-formed signature (e.g. a wrong ECDSA length) is a signature that does not match.
      }
    }
    throw new AuthException("bad_signature", "token signature is invalid");
  }

  private static JWTClaimsSet claims(Map<String, Object> json) throws AuthException {
    try {
      return JWTClaimsSet.parse(json);
    } catch (ParseException e) {
      throw new AuthException("malformed", "malformed token: invalid claims ("
          + e.getMessage() + ")");
    }
  }

  private void checkTimes(JWTClaimsSet claims) throws AuthException {
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    if (exp == null) {
      throw new AuthException("missing_exp", "token has no exp (expiration) claim");
    }
    if (!now.isBefore(exp.toInstant().plus(leeway))) {
      throw new AuthException("expired", "token expired at " + exp.toInstant());
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && now.plus(leeway).isBefore(nbf.toInstant())) {
      throw new AuthException("not_yet_valid", "token not valid before " + nbf.toInstant());
    }
    Date iat = claims.getIssueTime();
    if (iat != null && iat.toInstant().isAfter(now.plus(leeway))) {
      throw new AuthException("issued_in_future", "token issued in the future, at "
          + iat.toInstant());
    }
  }

  private void checkIssuerAndAudience(JWTClaimsSet claims) throws AuthException {
    if (issuer.isPresent() && !issuer.get().equals(claims.getIssuer())) {
      throw new AuthException("bad_issuer", "token issuer must be '" + issuer.get() + "'");
    }
    if (audience.isPresent()
        && (claims.getAudience() == null || !claims.getAudience().contains(audience.get()))) {
      throw new AuthException("bad_audience", "token audience must include '"
          + audience.get() + "'");
    }
  }

  private static Map<String, Object> withoutNulls(Map<String, Object> json) {
    Map<String, Object> claims = new LinkedHashMap<>();
    json.forEach((name, value) -> {
      if (value != null) {
        claims.put(name, value);
      }
    });
    return claims;
  }

  private static Map<JWSAlgorithm, List<JWSVerifier>> verifiers(
      byte[] secret, List<ECPublicKey> ecKeys) {
    Map<JWSAlgorithm, List<JWSVerifier>> verifiers = new LinkedHashMap<>();
    try {
      verifiers.put(JWSAlgorithm.HS256, List.of(new MACVerifier(hmacKey(secret, 64))));
      verifiers.put(JWSAlgorithm.HS384, List.of(new MACVerifier(hmacKey(secret, 128))));
      verifiers.put(JWSAlgorithm.HS512, List.of(new MACVerifier(hmacKey(secret, 128))));
      if (!ecKeys.isEmpty()) {
        List<JWSVerifier> ec = new ArrayList<>();
        for (ECPublicKey key : ecKeys) {
          ec.add(new ECDSAVerifier(key));
        }
        verifiers.put(JWSAlgorithm.ES256, List.copyOf(ec));
      }
    } catch (JOSEException e) {
      throw new IllegalArgumentException("unusable verification key: " + e.getMessage(), e);
    }
    return Map.copyOf(verifiers);
  }

  /**
   * The secret as a key nimbus' {@link MACVerifier} accepts, with the same HMAC.
   *
   * <p>MACVerifier refuses keys shorter than the hash output (256 bits for HS256, 384 and 512
   * for HS384 and HS512), yet the example secrets of OpenCue's gateway documentation are 15 to 21 bytes and OpenCue's Go
   * gateway and CueWeb sign with them, so such tokens must verify. HMAC (RFC 2104 §2) pads any
   * key shorter than the hash's block size with zero bytes before use, so zero-padding it
   * ourselves to the block size (64 bytes for SHA-256, 128 for SHA-384/512) yields the identical
   * MAC while satisfying the length check; the HMAC and its constant-time comparison stay
   * nimbus'. Longer keys are used as they are (HMAC hashes them first).
   */
  private static byte[] hmacKey(byte[] secret, int blockSize) {
    return secret.length < blockSize ? Arrays.copyOf(secret, blockSize) : secret.clone();
  }

  /** Options for a {@link JwtVerifier}; all but the secret have defaults. */
  public static final class Builder {
    private final byte[] secret;
    private Duration leeway = Duration.ofSeconds(30);
    private Optional<String> issuer = Optional.empty();
    private Optional<String> audience = Optional.empty();
    private Clock clock = Clock.systemUTC();
    private List<ECPublicKey> ecPublicKeys = List.of();

    private Builder(byte[] secret) {
      if (secret == null || secret.length == 0) {
        throw new IllegalArgumentException("JWT secret must not be empty");
      }
      this.secret = secret.clone();
    }

    /** Tolerance for clock skew on {@code exp}, {@code nbf} and {@code iat}; default 30 s. */
    public Builder leeway(Duration leeway) {
      if (leeway.isNegative()) {
        throw new IllegalArgumentException("leeway must not be negative: " + leeway);
      }
      this.leeway = leeway;
      return this;
    }

    /** Requires {@code iss} to equal this value. */
    public Builder issuer(String issuer) {
      this.issuer = Optional.of(issuer);
      return this;
    }

    /** Requires {@code aud} to contain this value. */
    public Builder audience(String audience) {
      this.audience = Optional.of(audience);
      return this;
    }

    /** The clock that decides whether a token has expired; default the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** Also accepts ES256 tokens signed by any of these keys (Flamenco-style Shaman tokens). */
    public Builder ecPublicKeys(List<ECPublicKey> keys) {
      this.ecPublicKeys = List.copyOf(keys);
      return this;
    }

    public JwtVerifier build() {
      return new JwtVerifier(this);
    }
  }
}
