package dev.cuegate.server;

import dev.cuegate.auth.CachingTokenVerifier;
import dev.cuegate.auth.JwtVerifier;
import dev.cuegate.auth.PemPublicKeys;
import dev.cuegate.auth.TokenVerifier;
import dev.cuegate.config.ConfigException;
import dev.cuegate.config.GatewayConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Builds the token verifiers from the configuration's plain values. */
final class Verifiers {

  private Verifiers() {}

  /** The API's verifier: HS256 tokens of the configured secret, issuer and audience. */
  static TokenVerifier api(GatewayConfig.Auth auth, Clock clock) {
    return caching(auth, clock, List.of());
  }

  /** The API's tokens, plus ES256 tokens from Flamenco-style issuers when keys are configured. */
  static TokenVerifier shaman(
      GatewayConfig.Auth auth, GatewayConfig.Shaman shaman, TokenVerifier api, Clock clock) {
    Optional<Path> keysFile = shaman.es256PublicKeysFile();
    if (keysFile.isEmpty()) {
      return api;
    }
    List<ECPublicKey> keys;
    try {
      keys = PemPublicKeys.readEc(keysFile.get());
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException(
          "SHAMAN_ES256_PUBLIC_KEYS_FILE", keysFile.get() + ": " + e.getMessage());
    }
    return caching(auth, clock, keys);
  }

  private static TokenVerifier caching(
      GatewayConfig.Auth auth, Clock clock, List<ECPublicKey> ecPublicKeys) {
    JwtVerifier.Builder builder =
        JwtVerifier.builder(auth.secret())
            .leeway(auth.leeway())
            .clock(clock)
            .ecPublicKeys(ecPublicKeys);
    auth.issuer().ifPresent(builder::issuer);
    auth.audience().ifPresent(builder::audience);
    return new CachingTokenVerifier(builder.build(), clock, auth.leeway());
  }
}
