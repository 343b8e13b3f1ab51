package dev.cuegate.server;

import com.linecorp.armeria.server.HttpService;
import dev.cuegate.admin.GatewayMetrics;
import dev.cuegate.audit.AuditLog;
import dev.cuegate.auth.TokenVerifier;
import dev.cuegate.authz.AuthzPolicy;
import dev.cuegate.config.GatewayConfig;
import dev.cuegate.rest.AuditDecorator;
import dev.cuegate.rest.AuthzDecorator;
import dev.cuegate.rest.BearerAuthDecorator;
import dev.cuegate.rest.CorsSupport;
import dev.cuegate.rest.InFlightLimitDecorator;
import dev.cuegate.rest.RateLimitDecorator;
import dev.cuegate.rest.RequestOperation;
import dev.cuegate.traffic.RateLimiter;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every route a person calls passes before its own work, outermost first: CORS (preflight is
 * answered here, without a token), the in-flight limit, the rate limit per client address, the
 * bearer token, the rate limit per token subject, the audit log, the authorization policy.
 *
 * <p>One instance guards every such route, so the limits count all of them together. Routes of
 * machines (workers, Shaman clients, Cuebot) have guards of their own: see docs/ARCHITECTURE.md.
 */
final class Guard {
  private final Function<? super HttpService, ? extends HttpService> cors;
  private final InFlightLimitDecorator inFlight;
  private final Optional<RateLimiter> limiter;
  private final BearerAuthDecorator bearer;
  private final Optional<AuthzPolicy> policy;
  private final AuditLog audit;
  private final Clock clock;

  private Guard(
      GatewayConfig.Security security,
      BearerAuthDecorator bearer,
      Optional<AuthzPolicy> policy,
      AuditLog audit,
      Clock clock) {
    this.cors = CorsSupport.decorator(security.cors());
    this.inFlight = new InFlightLimitDecorator(security.limits().maxInFlight());
    this.limiter =
        security.rateLimit().enabled()
            ? Optional.of(RateLimiter.tokenBuckets(security.rateLimit(), clock))
            : Optional.empty();
    this.bearer = bearer;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The guard of the configuration; reads the policy file.
   *
   * @throws dev.cuegate.config.ConfigException when the policy file cannot be used
   */
  static Guard create(
      GatewayConfig.Security security, TokenVerifier verifier, GatewayMetrics metrics,
      Clock clock) {
    return new Guard(
        security,
        new BearerAuthDecorator(verifier, failure -> metrics.authFailure(failure.reason())),
        security.authzPolicyFile().map(PolicyFile::read),
        AuditLog.create(),
        clock);
  }

  /**
   * Guards {@code service}, whose requests {@code operations} names for the policy and the audit
   * log.
   */
  HttpService protect(HttpService service, RequestOperation operations) {
    HttpService guarded = service;
    if (policy.isPresent()) {
      guarded = guarded.decorate(new AuthzDecorator(operations, policy.get()));
    }
    guarded = guarded.decorate(new AuditDecorator(operations, audit, clock));
    if (limiter.isPresent()) {
      guarded = guarded.decorate(RateLimitDecorator.bySubject(limiter.get()));
    }
    guarded = guarded.decorate(bearer);
    if (limiter.isPresent()) {
      guarded = guarded.decorate(RateLimitDecorator.byClientAddress(limiter.get()));
    }
    return guarded.decorate(inFlight).decorate(cors);
  }

  /** The guard of the worker routes people call, named by {@link PersonRoutes}. */
  Function<HttpService, HttpService> personRoutes() {
    PersonRoutes names = new PersonRoutes();
    return service -> protect(service, names);
  }

  /** The authorization policy every guarded route applies, if one is configured. */
  Optional<AuthzPolicy> policy() {
    return policy;
  }
}
