package dev.cuegate.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one JSON object per mutating call to the {@code cuegate.audit} logger, so that it can be
 * routed and shipped apart from the access log.
 */
public final class AuditLog {
  /** The logger's name, for routing it in the logging configuration. */
  public static final String LOGGER = "cuegate.audit";

  private static final JsonFactory JSON = new JsonFactory();
  private final Logger logger;

  private AuditLog(Logger logger) {
    this.logger = logger;
  }

  public static AuditLog create() {
    return new AuditLog(LoggerFactory.getLogger(LOGGER));
  }

  /** One audited call: who did what to which objects, and how it ended. */
  public record Entry(
      Instant time,
      String requestId,
      String subject,
      String client,
      String method,
      Map<String, String> targets,
      int httpStatus,
      int grpcCode,
      String grpcCodeName) {}

  public void write(Entry entry) {
    if (logger.isInfoEnabled()) {
      logger.info(format(entry));
    }
  }

  /**
   * {@code {"time":"…","request_id":"…","subject":"…","client":"…","method":"pkg.Service/Method",
   * "targets":{"job.id":"…"},"status":200,"code":0,"code_name":"OK"}}: JSON, so that values the
   * caller chose cannot forge another line or field.
   */
  static String format(Entry entry) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("time", entry.time().toString());
      json.writeStringField("request_id", entry.requestId());
      json.writeStringField("subject", entry.subject());
      json.writeStringField("client", entry.client());
      json.writeStringField("method", entry.method());
      json.writeObjectFieldStart("targets");
      for (Map.Entry<String, String> target : entry.targets().entrySet()) {
        json.writeStringField(target.getKey(), target.getValue());
      }
      json.writeEndObject();
      json.writeNumberField("status", entry.httpStatus());
      json.writeNumberField("code", entry.grpcCode());
      json.writeStringField("code_name", entry.grpcCodeName());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
