package dev.cuegate.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.util.Map;

/** {@code GET /config}: the effective configuration, secrets redacted. */
public final class ConfigService implements HttpService {
  private final byte[] body;

  public ConfigService(Map<String, Object> redactedConfig) {
    try {
      this.body = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(redactedConfig);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("configuration view is not serialisable", e);
    }
  }

  @Override
  public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
    if (req.method() != HttpMethod.GET && req.method() != HttpMethod.HEAD) {
      return ApiError.methodNotAllowed(req.method(), "GET", "HEAD");
    }
    return HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, body);
  }
}
