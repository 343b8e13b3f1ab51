package dev.cuegate.rest;

import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.common.RequestHeaders;
import dev.cuegate.config.FieldValidation;
import java.time.Duration;

/** Per-request switches a client may set with headers or query parameters. */
final class RequestOptions {
  /** Header and query parameter choosing Strict, Warn or Ignore, as Kubernetes names it. */
  static final String FIELD_VALIDATION_HEADER = "x-field-validation";

  static final String FIELD_VALIDATION_PARAM = "fieldValidation";

  private RequestOptions() {}

  static FieldValidation fieldValidation(
      RequestHeaders headers, QueryParams query, FieldValidation fallback) {
    String value = query.get(FIELD_VALIDATION_PARAM);
    String source = FIELD_VALIDATION_PARAM;
    if (value == null) {
      value = headers.get(FIELD_VALIDATION_HEADER);
      source = "X-Field-Validation";
    }
    if (value == null) {
      return fallback;
    }
    String given = value;
    String name = source;
    return FieldValidation.parse(value)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    name + " must be Strict, Warn or Ignore, not \"" + given + "\""));
  }

  /**
   * The call's deadline: the client's {@code Grpc-Timeout} (gRPC syntax, e.g. {@code 500m},
   * {@code 10S}) when it is shorter than the configured maximum.
   */
  static Duration timeout(RequestHeaders headers, Duration max) {
    String value = headers.get("grpc-timeout");
    if (value == null) {
      return max;
    }
    Duration asked = parseGrpcTimeout(value.trim());
    return asked.compareTo(max) < 0 ? asked : max;
  }

  static Duration parseGrpcTimeout(String value) {
    if (value.length() < 2 || value.length() > 9) {
      throw badTimeout(value);
    }
    long amount;
    try {
      amount = Long.parseLong(value.substring(0, value.length() - 1));
    } catch (NumberFormatException e) {
      throw badTimeout(value);
    }
    if (amount < 0) {
      throw badTimeout(value);
    }
    switch (value.charAt(value.length() - 1)) {
      case 'H':
        return Duration.ofHours(amount);
      case 'M':
        return Duration.ofMinutes(amount);
      case 'S':
        return Duration.ofSeconds(amount);
      case 'm':
        return Duration.ofMillis(amount);
      case 'u':
        return Duration.ofNanos(amount * 1000);
      case 'n':
        return Duration.ofNanos(amount);
      default:
        throw badTimeout(value);
    }
  }

  private static IllegalArgumentException badTimeout(String value) {
    return new IllegalArgumentException(
        "Grpc-Timeout must be up to 8 digits and a unit (H, M, S, m, u, n), not \"" + value + "\"");
  }
}
