package dev.cuegate.events;

import dev.cuegate.auth.Principal;
import dev.cuegate.authz.AuthzPolicy;
import dev.cuegate.contract.ApiMethod;
import dev.cuegate.contract.MethodRegistry;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which event types a token may see: those whose read method ({@link EventType#readMethod()}) the
 * authorization policy lets it call. Without a policy every token may call every exposed method; a
 * hidden service's events are shown to nobody.
 */
public final class EventAccess {
  private final MethodRegistry registry;
  private final Optional<AuthzPolicy> policy;

  public EventAccess(MethodRegistry registry, Optional<AuthzPolicy> policy) {
    this.registry = registry;
    this.policy = policy;
  }

  /** The types {@code principal} may see. */
  public Set<EventType> visibleTo(Principal principal) {
    Set<EventType> visible = EnumSet.noneOf(EventType.class);
    for (EventType type : EventType.values()) {
      if (mayCall(principal, type.readMethod())) {
        visible.add(type);
      }
    }
    return visible;
  }

  private boolean mayCall(Principal principal, String fullName) {
    int slash = fullName.indexOf('/');
    Optional<ApiMethod> method =
        registry.resolve(fullName.substring(0, slash), fullName.substring(slash + 1));
    // A hidden service cannot be read through the API, so its events are not shown either.
    return method.isPresent()
        && (policy.isEmpty() || policy.get().decide(principal, method.get()).allowed());
  }
}
