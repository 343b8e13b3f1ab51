package dev.cuegate.auth;

import java.util.Map;

/** Who is calling: the verified token's subject and its claims. */
public record Principal(String subject, Map<String, Object> claims) {
  public Principal {
    claims = Map.copyOf(claims);
  }
}
