package dev.cuegate.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuegate.audit.AuditLog;
import dev.cuegate.testing.GatewayExtension;
import dev.cuegate.testing.LogCapture;
import dev.cuegate.testing.Tokens;
import io.grpc.Status;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One audit line per call of a method that changes something, on the cuegate.audit logger. */
class AuditTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);

  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private LogCapture audit;

  @BeforeEach
  void capture() {
    audit = LogCapture.info(AuditLog.LOGGER);
  }

  @AfterEach
  void release() {
    audit.close();
  }

  @Test
  void aMutatingCallWritesWhoWhatWhichAndTheResult() throws IOException {
    Instant before = Instant.now();
    HttpResponse<String> response =
        gateway.post(
            "/job.JobInterface/Kill",
            "{\"job\":{\"id\":\"job-id-1\",\"name\":\"testing-sh01-comp\"},\"reason\":\"r\"}");

    JsonNode line = JSON.readTree(audit.next(WAIT));

    assertThat(line.get("subject").asText()).isEqualTo(Tokens.SUBJECT);
    assertThat(line.get("client").asText()).isEqualTo("127.0.0.1");
    assertThat(line.get("method").asText()).isEqualTo("job.JobInterface/Kill");
    assertThat(line.get("targets").get("job.id").asText()).isEqualTo("job-id-1");
    assertThat(line.get("targets").get("job.name").asText()).isEqualTo("testing-sh01-comp");
    // The fake Cuebot knows no such job: the line carries Cuebot's own answer.
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(line.get("status").asInt()).isEqualTo(404);
    assertThat(line.get("code").asInt()).isEqualTo(5);
    assertThat(line.get("code_name").asText()).isEqualTo("NOT_FOUND");
    assertThat(line.get("request_id").asText())
        .isEqualTo(response.headers().firstValue("x-request-id").orElseThrow());
    assertThat(Instant.parse(line.get("time").asText())).isAfterOrEqualTo(before.minusSeconds(1));
  }

  @Test
  void anUpstreamFailureIsAuditedWithItsGrpcCode() throws IOException {
    gateway.cuebot().failNext("show.ShowInterface/CreateShow", Status.ALREADY_EXISTS);

    gateway.post("/show.ShowInterface/CreateShow", "{\"name\":\"testing\"}");
    JsonNode line = JSON.readTree(audit.next(WAIT));

    assertThat(line.get("status").asInt()).isEqualTo(409);
    assertThat(line.get("code").asInt()).isEqualTo(6);
    assertThat(line.get("code_name").asText()).isEqualTo("ALREADY_EXISTS");
    assertThat(line.get("targets").get("name").asText()).isEqualTo("testing");
  }

  @Test
  void readOnlyCallsAreNotAudited() {
    gateway.post("/show.ShowInterface/GetActiveShows", "{}");
    gateway.post("/show.ShowInterface/FindShow", "{\"name\":\"testing\"}");
    gateway.post("/show.ShowInterface/CreateShow", "{\"name\":\"marker\"}");

    String line = audit.next(WAIT);

    assertThat(line).contains("show.ShowInterface/CreateShow");
    assertThat(audit.drain()).isEmpty();
  }
}
