package dev.cuegate.authz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuegate.auth.Principal;
import dev.cuegate.contract.Operation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which methods a token may call, decided from one of its claims: each claim value (a role or a
 * scope) names a list of rules, and a call is allowed when any rule of any of the token's values
 * allows it. Immutable; read once at start-up.
 *
 * <p>The file is JSON: {@code {"claim": "role", "roles": {"viewer": ["read-only"], "wrangler":
 * ["read-only", "job.*&#47;*"]}, "default": ["read-only"]}}. {@code claim} defaults to {@code
 * role}; {@code default}, when present, applies to tokens whose claim names no listed role.
 */
public final class AuthzPolicy {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> KEYS = Set.of("claim", "roles", "default");
  /** Claim values quoted back in a message are cut to this length. */
  private static final int MAX_QUOTED = 64;

  private final String claim;
  private final Map<String, List<MethodRule>> roles;
  private final Optional<List<MethodRule>> defaults;

  private AuthzPolicy(
      String claim, Map<String, List<MethodRule>> roles, Optional<List<MethodRule>> defaults) {
    this.claim = claim;
    this.roles = roles;
    this.defaults = defaults;
  }

  /**
   * Reads a policy document.
   *
   * @throws IllegalArgumentException naming the JSON path of the first problem
   */
  public static AuthzPolicy parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not valid JSON (line " + e.getLocation().getLineNr() + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("expected a JSON object with \"roles\"");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        throw new IllegalArgumentException(
            "unknown key \"" + name + "\"; expected claim, roles, default");
      }
    }
    String claim = "role";
    if (root.has("claim")) {
      if (!root.get("claim").isTextual() || root.get("claim").asText().isBlank()) {
        throw new IllegalArgumentException("\"claim\": expected a claim name such as role or scope");
      }
      claim = root.get("claim").asText();
    }
    JsonNode rolesNode = root.get("roles");
    if (rolesNode == null || !rolesNode.isObject()) {
      throw new IllegalArgumentException(
          "\"roles\": expected an object mapping claim values to lists of rules");
    }
    Map<String, List<MethodRule>> roles = new LinkedHashMap<>();
    rolesNode.fields().forEachRemaining(
        role -> roles.put(role.getKey(), rules("roles." + role.getKey(), role.getValue())));
    Optional<List<MethodRule>> defaults =
        root.has("default") ? Optional.of(rules("default", root.get("default"))) : Optional.empty();
    return new AuthzPolicy(claim, Map.copyOf(roles), defaults);
  }

  private static List<MethodRule> rules(String path, JsonNode node) {
    if (!node.isArray()) {
      throw new IllegalArgumentException("\"" + path + "\": expected a list of rules");
    }
    List<MethodRule> rules = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode rule = node.get(i);
      if (!rule.isTextual()) {
        throw new IllegalArgumentException("\"" + path + "[" + i + "]\": expected a string");
      }
      try {
        rules.add(MethodRule.parse(rule.asText()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("\"" + path + "[" + i + "]\": " + e.getMessage(), e);
      }
    }
    return List.copyOf(rules);
  }

  /** The claim whose values name roles. */
  public String claim() {
    return claim;
  }

  /** Whether the caller may call the method, and if not, a message naming what refused it. */
  public Decision decide(Principal principal, Operation method) {
    Set<String> values = claimValues(principal.claims().get(claim));
    List<String> known = values.stream().filter(roles::containsKey).toList();
    if (known.isEmpty()) {
      if (defaults.isPresent()) {
        return decide(defaults.get(), method, "the default rules");
      }
      String given =
          values.isEmpty()
              ? "the token has no " + claim + " claim"
              : "the token's " + claim + " " + quote(values) + " is not in the policy";
      return Decision.deny(method.fullName() + " is not allowed: " + given);
    }
    List<MethodRule> rules = known.stream().flatMap(role -> roles.get(role).stream()).toList();
    String who = claim + (known.size() == 1 ? " " : "s ") + quote(known);
    return decide(rules, method, who);
  }

  private static Decision decide(List<MethodRule> rules, Operation method, String who) {
    for (MethodRule rule : rules) {
      if (rule.allows(method)) {
        return Decision.allow();
      }
    }
    String allowed = rules.stream().map(MethodRule::text).collect(Collectors.joining(", "));
    return Decision.deny(
        method.fullName()
            + " is not allowed for "
            + who
            + " (allowed: "
            + (allowed.isEmpty() ? "nothing" : allowed)
            + ")");
  }

  /**
   * The part of the caller's claims that decisions depend on: two callers with equal scopes are
   * allowed exactly the same methods, so they may share answers.
   */
  public String scope(Principal principal) {
    Set<String> values = claimValues(principal.claims().get(claim));
    String known = values.stream().filter(roles::containsKey).sorted()
        .collect(Collectors.joining(" "));
    return known.isEmpty() ? (defaults.isPresent() ? "default" : "none") : claim + ":" + known;
  }

  /**
   * A string claim holds one value or, as OAuth's {@code scope} does, several separated by spaces;
   * an array holds one value per string element.
   */
  private static Set<String> claimValues(Object claim) {
    Set<String> values = new LinkedHashSet<>();
    if (claim instanceof String text) {
      for (String value : text.trim().split("\\s+")) {
        if (!value.isEmpty()) {
          values.add(value);
        }
      }
    } else if (claim instanceof Collection<?> list) {
      for (Object value : list) {
        if (value instanceof String text && !text.isEmpty()) {
          values.add(text);
        }
      }
    }
    return values;
  }

  private static String quote(Collection<String> values) {
    return values.stream()
        .map(value -> value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "…" : value)
        .map(value -> "'" + value + "'")
        .collect(Collectors.joining(", "));
  }

  /** The outcome of one check. */
  public record Decision(boolean allowed, String reason) {
    public Decision {
      reason = reason == null ? "" : reason;
    }

    static Decision allow() {
      return new Decision(true, "");
    }

    static Decision deny(String reason) {
      return new Decision(false, reason);
    }
  }
}
